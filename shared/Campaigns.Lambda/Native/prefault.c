/*
 * Linked into every bootstrap (see Directory.Build.props). Runs before main, before the .NET runtime.
 *
 * Why: a Native AOT executable keeps its type data compressed in the file ("dehydrated") and expands
 * it at start-up into the zero-initialised end of its writable segment (.bss and .hydrated, megabytes
 * for a function). Left alone, the kernel backs that memory one page fault at a time, hundreds of
 * them before Main, and page faults are the dearest thing a cold start does inside a microVM.
 * One madvise(MADV_POPULATE_WRITE) call allocates the same pages in a single system call.
 * docs/performance.md (Experiments, "Prefault the zero-filled data") has the measurements.
 *
 * MADV_POPULATE_WRITE needs Linux 5.14; older kernels answer EINVAL and nothing changes. A failure
 * here never matters: the pages are then faulted in on first use, as without this file.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int populate_zero_fill(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz) {
            continue;
        }
        /* Only whole pages past the file-backed part: the page holding the end of .data is already mapped. */
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
        if (end > start) {
            (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
        }
    }
    return 1; /* the first object visited is the executable itself: stop there */
}

__attribute__((constructor)) static void campaigns_prefault(void)
{
    (void)dl_iterate_phdr(populate_zero_fill, NULL);
}

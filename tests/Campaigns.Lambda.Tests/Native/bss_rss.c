/* Test harness for shared/Campaigns.Lambda/Native/prefault.c: prints how much of a large zero-filled
   (.bss) array is resident before the program has touched any of it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile char zero_fill[8 << 20];

int main(void)
{
    /* The middle of the array: its first bytes may share a page with .data, a different mapping. */
    uintptr_t address = (uintptr_t)zero_fill + sizeof zero_fill / 2;
    FILE *smaps = fopen("/proc/self/smaps", "r");
    if (smaps == NULL) {
        return 2;
    }
    char line[512];
    int inside = 0;
    while (fgets(line, sizeof line, smaps) != NULL) {
        unsigned long low, high;
        char permissions[8];
        if (sscanf(line, "%lx-%lx %7s", &low, &high, permissions) == 3) {
            inside = address >= low && address < high;
        } else if (inside && strncmp(line, "Rss:", 4) == 0) {
            unsigned long kib;
            if (sscanf(line + 4, "%lu", &kib) == 1) {
                printf("%lu %lu\n", kib, (unsigned long)(sizeof zero_fill / 1024));
            }
        }
    }
    fclose(smaps);
    return 0;
}

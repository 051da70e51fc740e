# shellcheck shell=bash
# ./build.sh coldstart: the ops script, with every option its own (terraform/scripts/coldstart.sh --help).

usage_coldstart() { terraform/scripts/coldstart.sh --help; }

cmd_coldstart() { exec terraform/scripts/coldstart.sh "$@"; }

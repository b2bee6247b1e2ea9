// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark's stopwatch: `measure REPORT COMMAND [ARGS...]` runs COMMAND (stdin, stdout and
// stderr inherited), waits for it, writes "WALL_SECONDS PEAK_RSS_KB" to REPORT and exits with
// COMMAND's status. The clock runs from just before the spawn to just after the wait, so the time
// is the command's own, not this program's start-up or the harness's: GNU time, which the harness
// used before, added its own start-up (a dynamic program, 1 to 3 ms depending on the machine) to
// every system's time alike, as much as ddx's whole run on the millisecond cells. Peak RSS is
// wait4's, as GNU time reports it; this program is static and small, so the pages the child holds
// before its exec (counted in that figure) are few. Built by bench/run.sh with the C compiler.
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double seconds_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure REPORT COMMAND [ARGS...]\n");
        return 2;
    }
    double start = seconds_now();
    pid_t child;
    int error = posix_spawnp(&child, argv[2], NULL, NULL, argv + 2, environ);
    if (error != 0) {
        fprintf(stderr, "measure: cannot run %s\n", argv[2]);
        return 127;
    }
    int status;
    struct rusage usage;
    if (wait4(child, &status, 0, &usage) != child) {
        perror("measure: wait4");
        return 2;
    }
    double wall = seconds_now() - start;
    FILE *report = fopen(argv[1], "w");
    if (report == NULL || fprintf(report, "%.6f %ld\n", wall, usage.ru_maxrss) < 0 || fclose(report) != 0) {
        perror("measure: report");
        return 2;
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

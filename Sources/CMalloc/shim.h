// glibc's malloc tuning (<malloc.h>), which Swift's Glibc module does not import.
#ifndef TRANSPARENCIA_CMALLOC_SHIM_H
#define TRANSPARENCIA_CMALLOC_SHIM_H

#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>

/// Fixes the size from which malloc maps a block of its own at glibc's default, 128 KiB. Left to itself, glibc
/// raises that threshold each time such a block is freed (up to 32 MiB), so the large arrays of a later step are
/// carved from the heap beside the small blocks an earlier step left, and the process keeps both.
static inline void transparencia_fix_mmap_threshold(void) { mallopt(M_MMAP_THRESHOLD, 128 * 1024); }
#else
static inline void transparencia_fix_mmap_threshold(void) {}
#endif

#endif

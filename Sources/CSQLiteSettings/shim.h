// SQLite's process-wide settings (sqlite3_config is variadic, which Swift cannot call).
#ifndef TRANSPARENCIA_CSQLITESETTINGS_SHIM_H
#define TRANSPARENCIA_CSQLITESETTINGS_SHIM_H

#include <sqlite3.h>

/// Multi-thread mode: no mutex around each call on a connection, since GRDB already uses each connection from one
/// thread at a time (the only mode GRDB supports); and no memory statistics, which take a global mutex at every
/// allocation, shared by the export's two lanes. Must run before SQLite is first used; afterwards it changes nothing
/// and returns SQLITE_MISUSE.
static inline int transparencia_sqlite_multithread(void) {
    int result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (result == SQLITE_OK) result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return result;
}

#endif

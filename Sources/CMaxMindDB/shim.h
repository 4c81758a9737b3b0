#ifndef LONGARM_CMAXMINDDB_SHIM_H
#define LONGARM_CMAXMINDDB_SHIM_H

// Debian puts maxminddb.h under the multiarch include folder; the compiler searches it by default.
#include <maxminddb.h>

#endif

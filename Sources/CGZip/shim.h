// zlib for gzip members of .warc.gz files. deflateInit2 and inflateInit2 are macros, which Swift cannot
// call, so they are wrapped here. windowBits 31 selects the gzip wrapper (RFC 1952).
#include <zlib.h>

static inline int cgzip_deflate_init(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
}

static inline int cgzip_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 31);
}

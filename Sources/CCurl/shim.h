// Typed wrappers over libcurl's variadic setopt/getinfo, which Swift cannot call directly.
// On Debian the header lives under the multiarch include folder (libcurl4-openssl-dev).
#ifndef LONGARM_CCURL_SHIM_H
#define LONGARM_CCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode longarm_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode longarm_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode longarm_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode longarm_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode longarm_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Write and header callbacks share this signature.
typedef size_t (*longarm_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode longarm_curl_setopt_data_callback(
    CURL *handle, CURLoption option, longarm_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

typedef int (*longarm_curl_debug_callback)(
    CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

static inline CURLcode longarm_curl_setopt_debug_callback(CURL *handle, longarm_curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

typedef curl_socket_t (*longarm_curl_opensocket_callback)(
    void *userdata, curlsocktype purpose, struct curl_sockaddr *address);

static inline CURLcode longarm_curl_setopt_opensocket_callback(
    CURL *handle, longarm_curl_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLcode longarm_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode longarm_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode longarm_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode longarm_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode longarm_curl_getinfo_certinfo(CURL *handle, struct curl_certinfo **value) {
    return curl_easy_getinfo(handle, CURLINFO_CERTINFO, value);
}

static inline CURLMcode longarm_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The easy handle a finished-transfer message refers to, and its result.
static inline CURL *longarm_curl_msg_handle(CURLMsg *message, CURLcode *result) {
    if (message->msg != CURLMSG_DONE) {
        return NULL;
    }
    *result = message->data.result;
    return message->easy_handle;
}

#endif

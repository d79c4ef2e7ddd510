#ifndef TRANSPARENCIA_CCURL_SHIM_H
#define TRANSPARENCIA_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call;
// these typed wrappers give Swift one entry point per argument type.

/// Wraps `curl_easy_setopt` for `long` options.
static inline CURLcode transparencia_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Wraps `curl_easy_setopt` for string options (libcurl copies the string).
static inline CURLcode transparencia_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Wraps `curl_easy_setopt` for pointer options (slists, user data).
static inline CURLcode transparencia_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Wraps `curl_easy_setopt` for `curl_off_t` options (resume offsets, size limits).
static inline CURLcode transparencia_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Wraps `curl_easy_setopt` for write and header callbacks.
static inline CURLcode transparencia_curl_setopt_write_function(
    CURL *handle, CURLoption option, size_t (*callback)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(handle, option, callback);
}

/// Wraps `curl_easy_setopt` for the transfer-info (progress) callback.
static inline CURLcode transparencia_curl_setopt_xferinfo_function(
    CURL *handle, int (*callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/// Wraps `curl_easy_getinfo` for `long` results (response code, redirect count).
static inline CURLcode transparencia_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Wraps `curl_easy_getinfo` for `curl_off_t` results (sizes, speeds).
static inline CURLcode transparencia_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Wraps `curl_easy_getinfo` for string results (effective URL, content type).
static inline CURLcode transparencia_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Wraps `curl_version_info(CURLVERSION_NOW)`: the macro is not visible to Swift.
static inline curl_version_info_data *transparencia_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

/// Wraps `curl_global_init(CURL_GLOBAL_DEFAULT)`: the flag is a macro expression Swift cannot import.
static inline CURLcode transparencia_curl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

#endif

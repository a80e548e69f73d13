#ifndef JOURNAL_CGIT2_SHIM_H
#define JOURNAL_CGIT2_SHIM_H
#define GIT_DEPRECATE_HARD
#include <git2.h>
#include <git2/sys/merge.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used. */
static inline int journal_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
#endif

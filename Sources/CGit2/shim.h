#ifndef JOURNAL_CGIT2_SHIM_H
#define JOURNAL_CGIT2_SHIM_H
#define GIT_DEPRECATE_HARD
#include <git2.h>
#endif

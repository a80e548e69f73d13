/*
 * GSS-API for the self-contained build of journal.
 *
 * Debian's libgit2.a asks GSS-API (Kerberos) for HTTP "Negotiate" logins, and no static
 * archive of a GSS-API library exists. Linking the shared one would tie the download to
 * Kerberos libraries many computers do not have. Instead, these functions look for the
 * computer's own GSS-API library the first time libgit2 needs one (a server that offers
 * Negotiate) and pass each call through to it. Where there is none, every call answers
 * GSS_S_UNAVAILABLE; libgit2 then gives up on Negotiate for that server and uses the other
 * logins it offers (Basic: a user name and a token), as a libgit2 built without GSS-API does.
 *
 * Only the calls libgit2 1.5 makes are here (src/libgit2/transports/auth_negotiate.c); the
 * types are the C bindings of RFC 2744, the same in MIT Kerberos and Heimdal.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t OM_uint32;
typedef struct {
    OM_uint32 length;
    void *elements;
} gss_OID_desc;
typedef gss_OID_desc *gss_OID;
typedef struct {
    size_t length;
    void *value;
} gss_buffer_desc;
typedef gss_buffer_desc *gss_buffer_t;

#define GSS_S_UNAVAILABLE (((OM_uint32)16ul) << 16)

/* 1.2.840.113554.1.2.1.4, the name type every GSS-API library defines under this symbol. */
static gss_OID_desc hostbased_service = {10, (void *)"\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04"};
gss_OID GSS_C_NT_HOSTBASED_SERVICE = &hostbased_service;

static struct {
    OM_uint32 (*display_status)(OM_uint32 *, OM_uint32, int, gss_OID, OM_uint32 *, gss_buffer_t);
    OM_uint32 (*release_buffer)(OM_uint32 *, gss_buffer_t);
    OM_uint32 (*import_name)(OM_uint32 *, gss_buffer_t, gss_OID, void **);
    OM_uint32 (*release_name)(OM_uint32 *, void **);
    OM_uint32 (*init_sec_context)(OM_uint32 *, void *, void **, void *, gss_OID, OM_uint32,
                                  OM_uint32, void *, gss_buffer_t, gss_OID *, gss_buffer_t,
                                  OM_uint32 *, OM_uint32 *);
    OM_uint32 (*delete_sec_context)(OM_uint32 *, void **, gss_buffer_t);
    OM_uint32 (*indicate_mechs)(OM_uint32 *, void **);
    OM_uint32 (*release_oid_set)(OM_uint32 *, void **);
} gss;
static int gss_loaded;
static pthread_once_t gss_once = PTHREAD_ONCE_INIT;

static void load_gss(void) {
    static const char *const names[] = {"libgssapi_krb5.so.2", "libgssapi.so.3", NULL};
    for (int i = 0; names[i] != NULL; i++) {
        void *library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) continue;
        *(void **)&gss.display_status = dlsym(library, "gss_display_status");
        *(void **)&gss.release_buffer = dlsym(library, "gss_release_buffer");
        *(void **)&gss.import_name = dlsym(library, "gss_import_name");
        *(void **)&gss.release_name = dlsym(library, "gss_release_name");
        *(void **)&gss.init_sec_context = dlsym(library, "gss_init_sec_context");
        *(void **)&gss.delete_sec_context = dlsym(library, "gss_delete_sec_context");
        *(void **)&gss.indicate_mechs = dlsym(library, "gss_indicate_mechs");
        *(void **)&gss.release_oid_set = dlsym(library, "gss_release_oid_set");
        if (gss.display_status && gss.release_buffer && gss.import_name && gss.release_name
            && gss.init_sec_context && gss.delete_sec_context && gss.indicate_mechs
            && gss.release_oid_set) {
            gss_loaded = 1;
            return;
        }
        memset(&gss, 0, sizeof gss);
        dlclose(library);
    }
}

static int have_gss(void) {
    pthread_once(&gss_once, load_gss);
    return gss_loaded;
}

static OM_uint32 unavailable(OM_uint32 *minor) {
    if (minor != NULL) *minor = 0;
    return GSS_S_UNAVAILABLE;
}

OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, gss_OID mech,
                             OM_uint32 *context, gss_buffer_t out) {
    if (have_gss()) return gss.display_status(minor, status, type, mech, context, out);
    static const char message[] = "Kerberos (GSS-API) is not installed on this computer";
    if (context != NULL) *context = 0;
    if (out != NULL) {
        out->value = malloc(sizeof message);
        out->length = out->value != NULL ? sizeof message - 1 : 0;
        if (out->value != NULL) memcpy(out->value, message, sizeof message);
    }
    if (minor != NULL) *minor = 0;
    return 0;
}

OM_uint32 gss_release_buffer(OM_uint32 *minor, gss_buffer_t buffer) {
    if (have_gss()) return gss.release_buffer(minor, buffer);
    if (buffer != NULL) {
        free(buffer->value);
        buffer->value = NULL;
        buffer->length = 0;
    }
    if (minor != NULL) *minor = 0;
    return 0;
}

OM_uint32 gss_import_name(OM_uint32 *minor, gss_buffer_t name, gss_OID type, void **out) {
    if (have_gss()) return gss.import_name(minor, name, type, out);
    return unavailable(minor);
}

OM_uint32 gss_release_name(OM_uint32 *minor, void **name) {
    if (have_gss()) return gss.release_name(minor, name);
    if (name != NULL) *name = NULL;
    if (minor != NULL) *minor = 0;
    return 0;
}

OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *credential, void **context, void *target,
                               gss_OID mech, OM_uint32 flags, OM_uint32 time, void *bindings,
                               gss_buffer_t input, gss_OID *actual_mech, gss_buffer_t output,
                               OM_uint32 *returned_flags, OM_uint32 *returned_time) {
    if (have_gss())
        return gss.init_sec_context(minor, credential, context, target, mech, flags, time,
                                    bindings, input, actual_mech, output, returned_flags,
                                    returned_time);
    return unavailable(minor);
}

OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void **context, gss_buffer_t output) {
    if (have_gss()) return gss.delete_sec_context(minor, context, output);
    if (context != NULL) *context = NULL;
    if (minor != NULL) *minor = 0;
    return 0;
}

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **mechanisms) {
    if (have_gss()) return gss.indicate_mechs(minor, mechanisms);
    if (mechanisms != NULL) *mechanisms = NULL;
    return unavailable(minor);
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor, void **set) {
    if (have_gss()) return gss.release_oid_set(minor, set);
    if (set != NULL) *set = NULL;
    if (minor != NULL) *minor = 0;
    return 0;
}

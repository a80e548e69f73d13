#ifndef JOURNAL_CGIT2_SHIM_H
#define JOURNAL_CGIT2_SHIM_H
#define GIT_DEPRECATE_HARD
#include <git2.h>
#include <git2/sys/merge.h>
#include <string.h>
#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>
#include <mbedtls/x509_crt.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used. */
static inline int journal_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

/*
 * Whether the server certificate `der` may be trusted for the IP address `address` (4 bytes for
 * IPv4, 16 for IPv6). libgit2 checks certificates with mbedTLS 2.28, which compares a host only
 * with a certificate's common name and DNS names, so a host addressed by IP is refused even when
 * its certificate lists that IP. This asks mbedTLS again with no name to compare (the chain to
 * the authorities in `ca_file` and `ca_path`, the dates, the key usage: every other check), then
 * looks for the address among the certificate's iPAddress names (RFC 5280, 4.2.1.6), walking the
 * extension with mbedTLS's ASN.1 reader. 1: trusted; 0: not.
 */
static inline int journal_certificate_names_address(
    const unsigned char *der, size_t der_length, const char *ca_file, const char *ca_path,
    const unsigned char *address, size_t address_length) {
    mbedtls_x509_crt leaf, authorities;
    mbedtls_x509_crt_init(&leaf);
    mbedtls_x509_crt_init(&authorities);
    int trusted = 0;
    uint32_t flags = 0;
    unsigned char *p, *end;
    size_t length;
    if (mbedtls_x509_crt_parse_der(&leaf, der, der_length) != 0) goto done;
    if (ca_file != NULL) (void)mbedtls_x509_crt_parse_file(&authorities, ca_file);
    if (ca_path != NULL) (void)mbedtls_x509_crt_parse_path(&authorities, ca_path);
    if (authorities.version == 0) goto done; /* no authority could be read */
    if (mbedtls_x509_crt_verify(&leaf, &authorities, NULL, NULL, &flags, NULL, NULL) != 0 || flags != 0)
        goto done;
    if (leaf.v3_ext.p == NULL) goto done;
    /* Extensions ::= SEQUENCE OF Extension; Extension ::= SEQUENCE { extnID, critical, extnValue } */
    p = leaf.v3_ext.p;
    end = p + leaf.v3_ext.len;
    if (mbedtls_asn1_get_tag(&p, end, &length, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0) goto done;
    end = p + length;
    while (p < end) {
        unsigned char *extension_end;
        mbedtls_x509_buf oid;
        int critical = 0;
        if (mbedtls_asn1_get_tag(&p, end, &length, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0)
            goto done;
        extension_end = p + length;
        if (mbedtls_asn1_get_tag(&p, extension_end, &oid.len, MBEDTLS_ASN1_OID) != 0) goto done;
        oid.tag = MBEDTLS_ASN1_OID;
        oid.p = p;
        p += oid.len;
        (void)mbedtls_asn1_get_bool(&p, extension_end, &critical); /* optional */
        if (mbedtls_asn1_get_tag(&p, extension_end, &length, MBEDTLS_ASN1_OCTET_STRING) != 0) goto done;
        if (MBEDTLS_OID_CMP(MBEDTLS_OID_SUBJECT_ALT_NAME, &oid) == 0) {
            unsigned char *name = p;
            unsigned char *names_end = p + length;
            size_t names_length;
            if (mbedtls_asn1_get_tag(&name, names_end, &names_length,
                                     MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0)
                goto done;
            names_end = name + names_length;
            while (name < names_end) {
                unsigned char tag = *name++;
                size_t name_length;
                if (mbedtls_asn1_get_len(&name, names_end, &name_length) != 0) goto done;
                if (tag == (MBEDTLS_ASN1_CONTEXT_SPECIFIC | 7) && name_length == address_length
                    && memcmp(name, address, address_length) == 0) {
                    trusted = 1;
                    goto done;
                }
                name += name_length;
            }
        }
        p = extension_end;
    }
done:
    mbedtls_x509_crt_free(&leaf);
    mbedtls_x509_crt_free(&authorities);
    return trusted;
}
#endif

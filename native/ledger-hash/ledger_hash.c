/*
 * Batched SHA-256 for the ledger's Merkle tree (RFC 6962 §2.1): many leaf or
 * node hashes per call from JavaScript, computed with the OpenSSL that Node.js
 * itself carries (its SHA-256 uses the CPU's SHA extensions where it has
 * them). One call per page of leaves instead of one per hash is what lets
 * `jifang ledger verify` approach the machine's hashing ceiling; the
 * JavaScript in src/ledger/verify/merkle-chunk.js computes the same hashes
 * when this addon is not built.
 *
 *   hashRecords(data, offsets, count, prefix, out)
 *     out[32i, 32i+32) = SHA-256(prefix || data[offsets[i], offsets[i+1]))
 *     for i in [0, count); prefix is a byte 0..255 (0x00 for leaves), or -1
 *     for none (the records already begin with their prefix).
 *   hashPairs(level, m, out)
 *     out[32j, 32j+32) = SHA-256(0x01 || level[64j, 64j+64)) for j < m / 2:
 *     the parents of m adjacent nodes of one level.
 */
#include <node_api.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <stdio.h>

/* SHA256_Init/Update/Final, not SHA256(): in OpenSSL 3 the one-shot SHA256()
 * looks the algorithm up by name on every call, which costs more than
 * hashing a node. */
static void sha256_parts(const uint8_t *a, size_t an, const uint8_t *b, size_t bn, uint8_t *out) {
  SHA256_CTX c;
  SHA256_Init(&c);
  if (an) SHA256_Update(&c, a, an);
  SHA256_Update(&c, b, bn);
  SHA256_Final(out, &c);
}

static int bytes_of(napi_env env, napi_value v, const char *name, uint8_t **p, size_t *n) {
  napi_typedarray_type t;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &t, n, (void **)p, &ab, &off) != napi_ok || t != napi_uint8_array) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: expected a Uint8Array", name);
    napi_throw_type_error(env, NULL, msg);
    return 0;
  }
  return 1;
}

static int count_of(napi_env env, napi_value v, const char *name, size_t *out) {
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok || d < 0 || d != (double)(size_t)d) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: expected a whole number", name);
    napi_throw_type_error(env, NULL, msg);
    return 0;
  }
  *out = (size_t)d;
  return 1;
}

static napi_value hash_records(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 5) {
    napi_throw_type_error(env, NULL, "hashRecords(data, offsets, count, prefix, out)");
    return NULL;
  }
  uint8_t *data, *out;
  size_t data_len, out_len, count, offsets_len;
  uint32_t *offsets;
  int32_t prefix;
  napi_typedarray_type t;
  napi_value ab;
  size_t ab_off;
  if (!bytes_of(env, argv[0], "data", &data, &data_len)) return NULL;
  if (napi_get_typedarray_info(env, argv[1], &t, &offsets_len, (void **)&offsets, &ab, &ab_off) != napi_ok || t != napi_uint32_array) {
    napi_throw_type_error(env, NULL, "offsets: expected a Uint32Array");
    return NULL;
  }
  if (!count_of(env, argv[2], "count", &count)) return NULL;
  if (napi_get_value_int32(env, argv[3], &prefix) != napi_ok || prefix < -1 || prefix > 255) {
    napi_throw_type_error(env, NULL, "prefix: expected a byte, or -1 for none");
    return NULL;
  }
  if (!bytes_of(env, argv[4], "out", &out, &out_len)) return NULL;
  if (count + 1 > offsets_len || count * 32 > out_len) {
    napi_throw_range_error(env, NULL, "hashRecords: count exceeds offsets or out");
    return NULL;
  }
  for (size_t i = 0; i < count; i++) {
    uint32_t a = offsets[i], b = offsets[i + 1];
    if (a > b || b > data_len) {
      napi_throw_range_error(env, NULL, "hashRecords: offsets out of order or beyond data");
      return NULL;
    }
  }
  const uint8_t p = (uint8_t)prefix;
  for (size_t i = 0; i < count; i++) {
    uint32_t a = offsets[i], b = offsets[i + 1];
    sha256_parts(&p, prefix < 0 ? 0 : 1, data + a, b - a, out + i * 32);
  }
  return NULL;
}

static napi_value hash_pairs(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 3) {
    napi_throw_type_error(env, NULL, "hashPairs(level, m, out)");
    return NULL;
  }
  uint8_t *level, *out;
  size_t level_len, out_len, m;
  if (!bytes_of(env, argv[0], "level", &level, &level_len) || !count_of(env, argv[1], "m", &m) || !bytes_of(env, argv[2], "out", &out, &out_len)) return NULL;
  size_t parents = m / 2;
  if (m * 32 > level_len || parents * 32 > out_len) {
    napi_throw_range_error(env, NULL, "hashPairs: m exceeds level or out");
    return NULL;
  }
  static const uint8_t node_prefix = 0x01;
  for (size_t j = 0; j < parents; j++) sha256_parts(&node_prefix, 1, level + j * 64, 64, out + j * 32);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value f;
  napi_create_function(env, "hashRecords", NAPI_AUTO_LENGTH, hash_records, NULL, &f);
  napi_set_named_property(env, exports, "hashRecords", f);
  napi_create_function(env, "hashPairs", NAPI_AUTO_LENGTH, hash_pairs, NULL, &f);
  napi_set_named_property(env, exports, "hashPairs", f);
  return exports;
}

/*
 * libsecp256k1's own BIP-340 verification cost, measured from C: the floor for Relay.Nostr's native path
 * (docs/benchmarks.md, "Nostr core"; the managed row of SignatureBenchmarks is compared with it).
 *
 * Measures, per event, what Relay.Nostr calls: secp256k1_xonly_pubkey_parse + secp256k1_schnorrsig_verify
 * on a 32-byte message (an event id), and verify alone. Prints the best and the median of several rounds,
 * in nanoseconds per verification.
 *
 * Build and run (Debian 12: apt-get install gcc libsecp256k1-dev):
 *   gcc -O2 -Wall -o /tmp/verify_bench tests/Relay.Benchmarks/Nostr/native/verify_bench.c -lsecp256k1
 *   /tmp/verify_bench [iterations-per-round]
 */
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROUNDS 7

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int iterations = argc > 1 ? atoi(argv[1]) : 20000;
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    unsigned char seckey[32], msg[32], aux[32] = {0}, sig[64], pubkey32[32];
    secp256k1_keypair keypair;
    secp256k1_xonly_pubkey xonly;
    double with_parse[ROUNDS], verify_only[ROUNDS];
    volatile int ok = 0;

    for (int i = 0; i < 32; i++) {
        seckey[i] = (unsigned char)(i + 1);
        msg[i] = (unsigned char)(0xA0 ^ i);
    }
    if (!secp256k1_keypair_create(ctx, &keypair, seckey)
        || !secp256k1_schnorrsig_sign32(ctx, sig, msg, &keypair, aux)
        || !secp256k1_keypair_xonly_pub(ctx, &xonly, NULL, &keypair)
        || !secp256k1_xonly_pubkey_serialize(ctx, pubkey32, &xonly)) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }

    for (int i = 0; i < iterations / 10; i++) { /* warm-up */
        ok += secp256k1_schnorrsig_verify(ctx, sig, msg, 32, &xonly);
    }

    for (int r = 0; r < ROUNDS; r++) {
        double start = now_ns();
        for (int i = 0; i < iterations; i++) {
            secp256k1_xonly_pubkey parsed;
            ok += secp256k1_xonly_pubkey_parse(ctx, &parsed, pubkey32)
                && secp256k1_schnorrsig_verify(ctx, sig, msg, 32, &parsed);
        }
        with_parse[r] = (now_ns() - start) / iterations;

        start = now_ns();
        for (int i = 0; i < iterations; i++) {
            ok += secp256k1_schnorrsig_verify(ctx, sig, msg, 32, &xonly);
        }
        verify_only[r] = (now_ns() - start) / iterations;
    }

    if (ok != iterations / 10 + 2 * ROUNDS * iterations) {
        fprintf(stderr, "a verification failed\n");
        return 1;
    }

    qsort(with_parse, ROUNDS, sizeof(double), compare);
    qsort(verify_only, ROUNDS, sizeof(double), compare);
    printf("libsecp256k1 %d rounds x %d verifications\n", ROUNDS, iterations);
    printf("xonly_pubkey_parse + schnorrsig_verify: best %.0f ns, median %.0f ns\n", with_parse[0], with_parse[ROUNDS / 2]);
    printf("schnorrsig_verify only:                 best %.0f ns, median %.0f ns\n", verify_only[0], verify_only[ROUNDS / 2]);
    secp256k1_context_destroy(ctx);
    return 0;
}

;; AES-IGE over T-tables, for the one step no platform has natively (IGE decryption) and for
;; runtimes without node:crypto. Built into src/mtproto/crypto/aes-ige-wasm.generated.ts by
;; `npm run build-wasm`; `npm run check-wasm` (and a test) fail if the committed build differs.
;;
;; Memory (the JS side reads the offsets from the exported globals): TE, TD: the encryption and
;; decryption tables T0..T3, 256 little-endian words each; SBOX, INV_SBOX: 256 bytes each; KEYS:
;; the round keys, 4 words per round; DATA: IN (the IV block that precedes the first input
;; block, then the input), then OUT (the other IV block, then the output). Words are
;; little-endian columns (byte r of column c is state[r][c]), as in src/mtproto/crypto/aes.ts.
;; Each block's chaining values are loaded from the block before it in IN and OUT.
(module
  (memory (export "memory") 1)
  (global (export "TE") i32 (i32.const 0))
  (global (export "TD") i32 (i32.const 4096))
  (global (export "SBOX") i32 (i32.const 8192))
  (global (export "INV_SBOX") i32 (i32.const 8448))
  (global (export "KEYS") i32 (i32.const 8704))
  (global (export "DATA") i32 (i32.const 8960))
  ;; IGE encryption of `len` bytes from IN + 16 to OUT + 16 (IN = DATA, OUT = IN + 16 + len);
  ;; IN and OUT start with the IV block that chains into the first block. `last` is 16 * rounds.
  (func (export "encrypt") (param $len i32) (param $last i32)
    (local $in i32) (local $out i32) (local $end i32) (local $k i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $u0 i32) (local $u1 i32) (local $u2 i32) (local $u3 i32)
    (local.set $end (i32.add (i32.const 8976) (local.get $len)))
    (local.set $in (i32.const 8976))
    (local.set $out (i32.add (local.get $end) (i32.const 16)))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $in) (local.get $end)))
        (local.set $s0 (i32.xor (i32.xor (i32.load offset=0 (local.get $in)) (i32.load offset=0 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8704 (i32.const 0))))
        (local.set $s1 (i32.xor (i32.xor (i32.load offset=4 (local.get $in)) (i32.load offset=4 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8708 (i32.const 0))))
        (local.set $s2 (i32.xor (i32.xor (i32.load offset=8 (local.get $in)) (i32.load offset=8 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8712 (i32.const 0))))
        (local.set $s3 (i32.xor (i32.xor (i32.load offset=12 (local.get $in)) (i32.load offset=12 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8716 (i32.const 0))))
        (local.set $k (i32.const 16))
        (local.set $u0 (i32.xor (i32.xor
              (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
              (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
            (i32.load offset=8704 (local.get $k))))
        (local.set $u1 (i32.xor (i32.xor
              (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
              (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
            (i32.load offset=8708 (local.get $k))))
        (local.set $u2 (i32.xor (i32.xor
              (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
              (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
            (i32.load offset=8712 (local.get $k))))
        (local.set $u3 (i32.xor (i32.xor
              (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
              (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
            (i32.load offset=8716 (local.get $k))))
        (loop $round
          (local.set $s0 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8720 (local.get $k))))
          (local.set $s1 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8724 (local.get $k))))
          (local.set $s2 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8728 (local.get $k))))
          (local.set $s3 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8732 (local.get $k))))
          (local.set $u0 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8736 (local.get $k))))
          (local.set $u1 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8740 (local.get $k))))
          (local.set $u2 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8744 (local.get $k))))
          (local.set $u3 (i32.xor (i32.xor
                (i32.xor (i32.load offset=0 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                (i32.xor (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=3072 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
              (i32.load offset=8748 (local.get $k))))
          (br_if $round (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 32))) (i32.sub (local.get $last) (i32.const 32)))))
        (i32.store offset=0 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8192 (i32.and (local.get $u0) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u1) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u2) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8192 (i32.shr_u (local.get $u3) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8704 (local.get $last)))
          (i32.load offset=0 (i32.sub (local.get $in) (i32.const 16)))))
        (i32.store offset=4 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8192 (i32.and (local.get $u1) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u2) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u3) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8192 (i32.shr_u (local.get $u0) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8708 (local.get $last)))
          (i32.load offset=4 (i32.sub (local.get $in) (i32.const 16)))))
        (i32.store offset=8 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8192 (i32.and (local.get $u2) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u3) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u0) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8192 (i32.shr_u (local.get $u1) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8712 (local.get $last)))
          (i32.load offset=8 (i32.sub (local.get $in) (i32.const 16)))))
        (i32.store offset=12 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8192 (i32.and (local.get $u3) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u0) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8192 (i32.and (i32.shr_u (local.get $u1) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8192 (i32.shr_u (local.get $u2) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8716 (local.get $last)))
          (i32.load offset=12 (i32.sub (local.get $in) (i32.const 16)))))
        (local.set $in (i32.add (local.get $in) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $block)))
  )
  ;; IGE decryption of `len` bytes from IN + 16 to OUT + 16 (IN = DATA, OUT = IN + 16 + len);
  ;; IN and OUT start with the IV block that chains into the first block. `last` is 16 * rounds.
  (func (export "decrypt") (param $len i32) (param $last i32)
    (local $in i32) (local $out i32) (local $end i32) (local $k i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $u0 i32) (local $u1 i32) (local $u2 i32) (local $u3 i32)
    (local.set $end (i32.add (i32.const 8976) (local.get $len)))
    ;; AES-256 (MTProto's keys) with its 14 rounds unrolled; other key sizes round by round.
    (if (i32.eq (local.get $last) (i32.const 224))
      (then
        (local.set $in (i32.const 8976))
        (local.set $out (i32.add (local.get $end) (i32.const 16)))
        (block $done
          (loop $block
            (br_if $done (i32.ge_u (local.get $in) (local.get $end)))
            (local.set $s0 (i32.xor (i32.xor (i32.load offset=0 (local.get $in)) (i32.load offset=0 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8704 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor (i32.load offset=4 (local.get $in)) (i32.load offset=4 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8708 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor (i32.load offset=8 (local.get $in)) (i32.load offset=8 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8712 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor (i32.load offset=12 (local.get $in)) (i32.load offset=12 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8716 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8720 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8724 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8728 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8732 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8736 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8740 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8744 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8748 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8752 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8756 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8760 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8764 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8768 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8772 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8776 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8780 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8784 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8788 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8792 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8796 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8800 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8804 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8808 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8812 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8816 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8820 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8824 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8828 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8832 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8836 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8840 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8844 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8848 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8852 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8856 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8860 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8864 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8868 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8872 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8876 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8880 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8884 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8888 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8892 (i32.const 0))))
            (local.set $s0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8896 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8900 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8904 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8908 (i32.const 0))))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8912 (i32.const 0))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8916 (i32.const 0))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8920 (i32.const 0))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8924 (i32.const 0))))
            (i32.store offset=0 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u0) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u3) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u2) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u1) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8704 (local.get $last)))
              (i32.load offset=0 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=4 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u1) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u0) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u3) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u2) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8708 (local.get $last)))
              (i32.load offset=4 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=8 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u2) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u1) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u0) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u3) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8712 (local.get $last)))
              (i32.load offset=8 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=12 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u3) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u2) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u1) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u0) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8716 (local.get $last)))
              (i32.load offset=12 (i32.sub (local.get $in) (i32.const 16)))))
            (local.set $in (i32.add (local.get $in) (i32.const 16)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br $block)))
      )
      (else
        (local.set $in (i32.const 8976))
        (local.set $out (i32.add (local.get $end) (i32.const 16)))
        (block $done
          (loop $block
            (br_if $done (i32.ge_u (local.get $in) (local.get $end)))
            (local.set $s0 (i32.xor (i32.xor (i32.load offset=0 (local.get $in)) (i32.load offset=0 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8704 (i32.const 0))))
            (local.set $s1 (i32.xor (i32.xor (i32.load offset=4 (local.get $in)) (i32.load offset=4 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8708 (i32.const 0))))
            (local.set $s2 (i32.xor (i32.xor (i32.load offset=8 (local.get $in)) (i32.load offset=8 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8712 (i32.const 0))))
            (local.set $s3 (i32.xor (i32.xor (i32.load offset=12 (local.get $in)) (i32.load offset=12 (i32.sub (local.get $out) (i32.const 16)))) (i32.load offset=8716 (i32.const 0))))
            (local.set $k (i32.const 16))
            (local.set $u0 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8704 (local.get $k))))
            (local.set $u1 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8708 (local.get $k))))
            (local.set $u2 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8712 (local.get $k))))
            (local.set $u3 (i32.xor (i32.xor
                  (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                  (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                (i32.load offset=8716 (local.get $k))))
            (loop $round
              (local.set $s0 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u3) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u1) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8720 (local.get $k))))
              (local.set $s1 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u0) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u2) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8724 (local.get $k))))
              (local.set $s2 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u1) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u3) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8728 (local.get $k))))
              (local.set $s3 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $u3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $u2) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $u1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $u0) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8732 (local.get $k))))
              (local.set $u0 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8736 (local.get $k))))
              (local.set $u1 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8740 (local.get $k))))
              (local.set $u2 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8744 (local.get $k))))
              (local.set $u3 (i32.xor (i32.xor
                    (i32.xor (i32.load offset=4096 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))) (i32.load offset=5120 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
                    (i32.xor (i32.load offset=6144 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))) (i32.load offset=7168 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))))
                  (i32.load offset=8748 (local.get $k))))
              (br_if $round (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 32))) (i32.sub (local.get $last) (i32.const 32)))))
            (i32.store offset=0 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u0) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u3) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u2) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u1) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8704 (local.get $last)))
              (i32.load offset=0 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=4 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u1) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u0) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u3) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u2) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8708 (local.get $last)))
              (i32.load offset=4 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=8 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u2) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u1) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u0) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u3) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8712 (local.get $last)))
              (i32.load offset=8 (i32.sub (local.get $in) (i32.const 16)))))
            (i32.store offset=12 (local.get $out) (i32.xor (i32.xor (i32.or (i32.or (i32.or
              (i32.load8_u offset=8448 (i32.and (local.get $u3) (i32.const 255)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u2) (i32.const 8)) (i32.const 255))) (i32.const 8)))
              (i32.shl (i32.load8_u offset=8448 (i32.and (i32.shr_u (local.get $u1) (i32.const 16)) (i32.const 255))) (i32.const 16)))
              (i32.shl (i32.load8_u offset=8448 (i32.shr_u (local.get $u0) (i32.const 24))) (i32.const 24)))
            (i32.load offset=8716 (local.get $last)))
              (i32.load offset=12 (i32.sub (local.get $in) (i32.const 16)))))
            (local.set $in (i32.add (local.get $in) (i32.const 16)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br $block)))
      ))
  )
  ;; dst[i] = a[i] ^ b[i] for `len` bytes (a multiple of 16), 8 bytes at a time: the two XOR
  ;; passes around native CBC in IGE encryption on Node (src/mtproto/crypto/node.ts).
  (func (export "xor") (param $dst i32) (param $a i32) (param $b i32) (param $len i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (i64.store (local.get $dst) (i64.xor (i64.load (local.get $a)) (i64.load (local.get $b))))
        (i64.store offset=8 (local.get $dst) (i64.xor (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (br $next))))
)

/**
 * The part of sodium-native (libsodium) this project calls; the package ships no types. It is
 * CommonJS with a computed export object, so it is imported as a default.
 */
declare module 'sodium-native' {
  const sodium: {
    /**
     * IETF ChaCha20-Poly1305 with a detached tag: writes `ciphertext.length` plaintext bytes
     * into `message` (exactly that long) once `tag` authenticates; throws otherwise.
     */
    /**
     * IETF ChaCha20-Poly1305 with a detached tag: writes `message.length` ciphertext bytes into
     * `ciphertext` (exactly that long) and the 16-byte tag into `tag`.
     */
    crypto_aead_chacha20poly1305_ietf_encrypt_detached(
      ciphertext: Uint8Array,
      tag: Uint8Array,
      message: Uint8Array,
      additionalData: Uint8Array | null,
      nsec: null,
      nonce: Uint8Array,
      key: Uint8Array,
    ): number;
    crypto_aead_chacha20poly1305_ietf_decrypt_detached(
      message: Uint8Array,
      nsec: null,
      ciphertext: Uint8Array,
      tag: Uint8Array,
      additionalData: Uint8Array | null,
      nonce: Uint8Array,
      key: Uint8Array,
    ): void;
  };
  export default sodium;
}

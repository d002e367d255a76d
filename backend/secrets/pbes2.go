package secrets

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	jose "github.com/dvsekhvalnov/jose2go"
	"github.com/dvsekhvalnov/jose2go/aes"
	"github.com/dvsekhvalnov/jose2go/base64url"
)

// pbes2 is the key management of the file backend's items,
// PBES2-HS256+A128KW, as jose2go does it (the same tokens either way) but
// with the standard library's PBKDF2: jose2go allocates twice per round,
// 16,384 times for one key, which made every command that reads a key
// about a millisecond slower. It replaces jose2go's own at start.
type pbes2 struct{}

func init() { jose.RegisterJwa(pbes2{}) }

// pbes2Rounds is what jose2go (and so 99designs/keyring) writes; reading
// takes the count from the token, up to pbes2MaxRounds.
const (
	pbes2Rounds    = 8192
	pbes2MaxRounds = 1 << 20
)

func (pbes2) Name() string { return jose.PBES2_HS256_A128KW }

func (pbes2) WrapNewKey(cekSizeBits int, key any, header map[string]any) (cek, encryptedCek []byte, err error) {
	pass, ok := key.(string)
	if !ok {
		return nil, nil, errors.New("pbes2: the key is not a passphrase")
	}
	salt := make([]byte, 12)
	cek = make([]byte, cekSizeBits/8)
	if _, err := rand.Read(salt); err != nil {
		return nil, nil, err
	}
	if _, err := rand.Read(cek); err != nil {
		return nil, nil, err
	}
	header["p2c"], header["p2s"] = pbes2Rounds, base64url.Encode(salt)
	kek, err := pbes2KEK(pass, salt, pbes2Rounds)
	if err != nil {
		return nil, nil, err
	}
	encryptedCek, err = aes.KeyWrap(cek, kek)
	return cek, encryptedCek, err
}

func (pbes2) Unwrap(encryptedCek []byte, key any, _ int, header map[string]any) ([]byte, error) {
	pass, ok := key.(string)
	if !ok {
		return nil, errors.New("pbes2: the key is not a passphrase")
	}
	rounds, ok := header["p2c"].(float64)
	if !ok || rounds < 1 || rounds > pbes2MaxRounds {
		return nil, fmt.Errorf("pbes2: p2c %v is not a round count this app reads", header["p2c"])
	}
	p2s, ok := header["p2s"].(string)
	if !ok {
		return nil, errors.New("pbes2: no p2s in the header")
	}
	salt, err := base64url.Decode(p2s)
	if err != nil {
		return nil, err
	}
	kek, err := pbes2KEK(pass, salt, int(rounds))
	if err != nil {
		return nil, err
	}
	return aes.KeyUnwrap(encryptedCek, kek)
}

// pbes2KEK derives the 128-bit key-encryption key: the salt is the
// algorithm's name, a zero byte and the token's p2s (RFC 7518 §4.8.1.1).
func pbes2KEK(pass string, salt []byte, rounds int) ([]byte, error) {
	full := append([]byte(jose.PBES2_HS256_A128KW+"\x00"), salt...)
	return pbkdf2.Key(sha256.New, pass, full, rounds, 16)
}

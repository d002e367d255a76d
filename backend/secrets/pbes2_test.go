package secrets

import (
	"bytes"
	"crypto/sha256"
	"os"
	"strings"
	"testing"

	jose "github.com/dvsekhvalnov/jose2go"
	"github.com/dvsekhvalnov/jose2go/kdf"
)

// The derivation is jose2go's, byte for byte.
func TestPBES2DerivesAsJose2go(t *testing.T) {
	salt := []byte("0123456789ab")
	got, err := pbes2KEK("right", salt, 8192)
	if err != nil {
		t.Fatal(err)
	}
	want := kdf.DerivePBKDF2([]byte("right"), append([]byte(jose.PBES2_HS256_A128KW+"\x00"), salt...), 8192, 128, sha256.New)
	if !bytes.Equal(got, want) {
		t.Fatalf("kek %x, jose2go's %x", got, want)
	}
}

// A token written by jose2go itself (testdata, made with its own PBES2)
// opens, and a wrong passphrase is the AES key unwrap failure the file
// backend reads as a wrong passphrase.
func TestPBES2ReadsJose2goTokens(t *testing.T) {
	raw, err := os.ReadFile("testdata/jose2go-pbes2.jwe")
	if err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(string(raw))
	payload, _, err := jose.Decode(token, "right")
	if err != nil || !strings.Contains(payload, `"Key":"profile.old.main.1"`) {
		t.Fatalf("decode = %q, %v", payload, err)
	}
	if _, _, err := jose.Decode(token, "wrong"); err == nil || !strings.Contains(err.Error(), "KeyUnwrap") {
		t.Fatalf("wrong passphrase = %v", err)
	}
	// A round trip through this implementation.
	tok, err := encrypt("hello", "right")
	if err != nil {
		t.Fatal(err)
	}
	if got, _, err := jose.Decode(tok, "right"); err != nil || got != "hello" {
		t.Fatalf("round trip = %q, %v", got, err)
	}
}

// A hostile round count is refused, not run.
func TestPBES2RefusesAHugeRoundCount(t *testing.T) {
	_, err := pbes2{}.Unwrap(nil, "right", 256, map[string]any{"p2c": 1e12, "p2s": "AAAA"})
	if err == nil || !strings.Contains(err.Error(), "p2c") {
		t.Fatalf("err = %v", err)
	}
}

package fakeprovider

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"sync"
)

var (
	saOnce sync.Once
	saJSON string
)

// ServiceAccountJSON is a Google service account (project fake-project)
// with a freshly made RSA key, so the real JWT signing path runs.
func ServiceAccountJSON() string {
	saOnce.Do(func() {
		pk, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		der, err := x509.MarshalPKCS8PrivateKey(pk)
		if err != nil {
			panic(err)
		}
		b, _ := json.Marshal(map[string]string{
			"type": "service_account", "project_id": "fake-project", "private_key_id": "fakekeyid0123456789abcdef",
			"private_key": string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), "client_email": "kodus@fake-project.iam.gserviceaccount.com",
			"token_uri": "https://oauth2.googleapis.com/token",
		})
		saJSON = string(b)
	})
	return saJSON
}

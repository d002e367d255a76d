//go:build linux
// +build linux

package keyring

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"strings"

	"github.com/godbus/dbus"
	"github.com/gsterjov/go-libsecret"
)

func init() {
	// kodus-byok patch: no dbus.SessionBus() here (see ErrNoSessionBus).
	supportedBackends[SecretServiceBackend] = opener(func(cfg Config) (Keyring, error) {
		if _, err := SessionBusAddress(); err != nil {
			return nil, err
		}
		if cfg.ServiceName == "" {
			cfg.ServiceName = "secret-service"
		}
		if cfg.LibSecretCollectionName == "" {
			cfg.LibSecretCollectionName = cfg.ServiceName
		}

		service, err := libsecret.NewService()
		if err != nil {
			return &secretsKeyring{}, err
		}

		ring := &secretsKeyring{
			name:    cfg.LibSecretCollectionName,
			service: service,
		}

		// kodus-byok patch: opening sends the request for a session and
		// does not wait for it: a read searches for its item meanwhile (see
		// awaitSession, itemsAtKnownPath). The collection is looked up when
		// a call needs it.
		ring.opening = ring.service.Open
		ring.pending = startSession()
		return ring, nil
	})
}

type secretsKeyring struct {
	name       string
	service    *libsecret.Service
	collection *libsecret.Collection
	session    *libsecret.Session
	// kodus-byok patch: the OpenSession call sent when the keyring opened
	// (nil once answered), and how to open one otherwise.
	pending *dbus.Call
	opening func() (*libsecret.Session, error)
}

// startSession sends OpenSession ("plain": the secret travels over the
// local bus only) on the connection the service uses.
func startSession() *dbus.Call {
	conn, err := dbus.SessionBus()
	if err != nil {
		return nil
	}
	return conn.Object(libsecret.DBusServiceName, libsecret.DBusPath).Go("org.freedesktop.Secret.Service.OpenSession", 0, nil, "plain", dbus.MakeVariant(""))
}

// awaitSession waits for the session asked for when the keyring opened
// (or opens one).
func (k *secretsKeyring) awaitSession() error {
	if k.session != nil {
		return nil
	}
	if k.pending == nil {
		session, err := k.opening()
		if err != nil {
			return noService(err)
		}
		k.session = session
		return nil
	}
	call := k.pending
	k.pending = nil
	<-call.Done
	var output dbus.Variant
	var path dbus.ObjectPath
	if err := call.Store(&output, &path); err != nil {
		return noService(err)
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return err
	}
	k.session = libsecret.NewSession(conn, path)
	return nil
}

// noService marks the bus's "nobody owns that name" as ErrNoSecretService.
func noService(err error) error {
	var derr dbus.Error
	if errors.As(err, &derr) && (derr.Name == "org.freedesktop.DBus.Error.ServiceUnknown" || derr.Name == "org.freedesktop.DBus.Error.NameHasNoOwner") {
		return fmt.Errorf("%w: %v", ErrNoSecretService, err)
	}
	return err
}

var errCollectionNotFound = errors.New("The collection does not exist. Please add a key first")

func decodeKeyringString(src string) string {
	var dst strings.Builder
	for i := 0; i < len(src); i++ {
		if src[i] != '_' {
			dst.WriteString(string(src[i]))
		} else {
			if i+3 > len(src) {
				return src
			}
			hexstring := src[i+1 : i+3]
			decoded, err := hex.DecodeString(hexstring)
			if err != nil {
				return src
			}
			dst.Write(decoded)
			i += 2
		}
	}
	return dst.String()
}

// itemsAtKnownPath searches the collection at the path its name gives
// (kodus-byok patch): one round trip, where listing the collections first
// took two. ok is false when no collection answers there, and the caller
// looks it up by listing as upstream did.
func (k *secretsKeyring) itemsAtKnownPath(key string) (items []libsecret.Item, ok bool, err error) {
	if k.collection != nil || !plainName(k.name) {
		return nil, false, nil
	}
	conn, err := dbus.SessionBus() // the connection the service uses
	if err != nil {
		return nil, false, nil
	}
	c := libsecret.NewCollection(conn, dbus.ObjectPath(libsecret.DBusPath+"/collection/"+k.name))
	items, err = c.SearchItems(key)
	var derr dbus.Error
	if errors.As(err, &derr) && (derr.Name == "org.freedesktop.DBus.Error.UnknownMethod" || derr.Name == "org.freedesktop.DBus.Error.UnknownObject") {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	k.collection = c
	return items, true, nil
}

// plainName: a collection name the Secret Service uses in its object path
// as it is (others are escaped, and found by listing).
func plainName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func (k *secretsKeyring) openSecrets() error {
	// kodus-byok patch: the session asked for at open serves every call
	// (upstream opened a new one each time).
	if err := k.awaitSession(); err != nil {
		return err
	}

	// get the collection if it already exists
	collections, err := k.service.Collections()
	if err != nil {
		return err
	}

	path := libsecret.DBusPath + "/collection/" + k.name

	for _, collection := range collections {
		if decodeKeyringString(string(collection.Path())) == path {
			c := collection // fix variable into the local variable to ensure it's referenced correctly, see https://github.com/kyoh86/exportloopref
			k.collection = &c
			return nil
		}
	}

	return nil
}

func (k *secretsKeyring) openCollection() error {
	// kodus-byok patch: the session and collection found when the keyring
	// opened serve every later call; upstream opened a new session and
	// listed the collections again on each (two D-Bus round trips a read).
	if k.session == nil || k.collection == nil {
		if err := k.openSecrets(); err != nil {
			return err
		}
	}

	if k.collection == nil {
		return errCollectionNotFound
		// return &secretsError{fmt.Sprintf(
		// 	"The collection %q does not exist. Please add a key first",
		// 	k.name,
		// )}
	}

	return nil
}

func (k *secretsKeyring) Get(key string) (Item, error) {
	// kodus-byok patch: the search goes out while the session's answer is
	// on its way (one round trip for both).
	items, ok, err := k.itemsAtKnownPath(key)
	if serr := k.awaitSession(); serr != nil {
		return Item{}, serr
	}
	if err != nil {
		return Item{}, err
	}
	if !ok {
		if err := k.openCollection(); err != nil {
			if err == errCollectionNotFound {
				return Item{}, ErrKeyNotFound
			}
			return Item{}, err
		}
		if items, err = k.collection.SearchItems(key); err != nil {
			return Item{}, err
		}
	}

	if len(items) == 0 {
		return Item{}, ErrKeyNotFound
	}

	// use the first item whenever there are multiples
	// with the same profile name
	item := items[0]

	secret, err := k.readSecret(item)
	if err != nil {
		return Item{}, err
	}

	// pack the secret into the item
	var ret Item
	if err = json.Unmarshal(secret.Value, &ret); err != nil {
		return Item{}, err
	}

	return ret, err
}

// GetMetadata for libsecret returns an error indicating that it's unsupported
// for this backend.
//
// libsecret actually implements a metadata system which we could use, "Secret
// Attributes"; I found no indication in documentation of anything like an
// automatically maintained last-modification timestamp, so to use this we'd
// need to have a SetMetadata API too.  Which we're not yet doing, but feel
// free to contribute patches.
// readSecret reads an item's secret, unlocking it first when it is locked.
// kodus-byok patch: the lock is asked for only when the read fails
// (upstream asked before every read: one D-Bus round trip more).
func (k *secretsKeyring) readSecret(item libsecret.Item) (*libsecret.Secret, error) {
	secret, err := item.GetSecret(k.session)
	if err == nil {
		return secret, nil
	}
	locked, lerr := item.Locked()
	if lerr != nil || !locked {
		return nil, err
	}
	if err := k.service.Unlock(item); err != nil {
		return nil, err
	}
	return item.GetSecret(k.session)
}

func (k *secretsKeyring) GetMetadata(key string) (Metadata, error) {
	return Metadata{}, ErrMetadataNeedsCredentials
}

func (k *secretsKeyring) Set(item Item) error {
	err := k.openSecrets()
	if err != nil {
		return err
	}

	// create the collection if it doesn't already exist
	if k.collection == nil {
		collection, err := k.service.CreateCollection(k.name)
		if err != nil {
			return err
		}

		k.collection = collection
	}

	if err := k.ensureCollectionUnlocked(); err != nil {
		return err
	}

	// create the new item
	data, err := json.Marshal(item)
	if err != nil {
		return err
	}

	secret := libsecret.NewSecret(k.session, []byte{}, data, "application/json")

	if _, err := k.collection.CreateItem(item.Key, secret, true); err != nil {
		return err
	}

	return nil
}

func (k *secretsKeyring) Remove(key string) error {
	if err := k.openCollection(); err != nil {
		if err == errCollectionNotFound {
			return ErrKeyNotFound
		}
		return err
	}

	items, err := k.collection.SearchItems(key)
	if err != nil {
		return err
	}

	// nothing to delete
	if len(items) == 0 {
		return nil
	}

	// we dont want to delete more than one anyway
	// so just get the first item found
	item := items[0]

	locked, err := item.Locked()
	if err != nil {
		return err
	}

	if locked {
		if err := k.service.Unlock(item); err != nil {
			return err
		}
	}

	if err := item.Delete(); err != nil {
		return err
	}

	return nil
}

func (k *secretsKeyring) Keys() ([]string, error) {
	if err := k.openCollection(); err != nil {
		if err == errCollectionNotFound {
			return []string{}, nil
		}
		return nil, err
	}
	if err := k.ensureCollectionUnlocked(); err != nil {
		return nil, err
	}
	items, err := k.collection.Items()
	if err != nil {
		return nil, err
	}
	keys := []string{}
	for _, item := range items {
		label, err := item.Label() // FIXME: err is being silently ignored
		if err == nil {
			keys = append(keys, label)
		}
	}
	return keys, nil
}

// deleteCollection deletes the keyring's collection if it exists. This is mainly to support testing.
func (k *secretsKeyring) deleteCollection() error {
	if err := k.openCollection(); err != nil {
		return err
	}
	return k.collection.Delete()
}

// unlock the collection if it's locked
func (k *secretsKeyring) ensureCollectionUnlocked() error {
	locked, err := k.collection.Locked()
	if err != nil {
		return err
	}
	if !locked {
		return nil
	}
	return k.service.Unlock(k.collection)
}

package studio

import (
	"reflect"
	"testing"

	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// testStudio puts every service of one studio behind one value, so the
// tests of each domain call its methods directly.
type testStudio struct {
	*core
	*Profiles
	*Environment
	*Keys
	*KeyTests
	*Thinking
	*Exports
	*Costs
	*Repos
	*Concurrency
	*DryRuns
	*Kodus
	*Lines
}

func allServices(s *Studio) *testStudio {
	return &testStudio{s.c, s.Profiles(), s.Environment(), s.Keys(), s.KeyTests(), s.Thinking(), s.Exports(), s.Costs(),
		s.Repos(), s.Concurrency(), s.DryRuns(), s.Kodus(), s.Lines()}
}

func openAll(opts Options) (*testStudio, error) {
	s, err := Open(opts)
	if err != nil {
		return nil, err
	}
	return allServices(s), nil
}

// No service has an exported field, nor a method that hands out the store
// or the keychain: adapters reach the data only through the services.
func TestServicesExposeNoInternals(t *testing.T) {
	s := newStudio(t)
	forbidden := map[reflect.Type]bool{reflect.TypeFor[*store.Store](): true, reflect.TypeFor[*secrets.Keychain](): true, reflect.TypeFor[*core](): true}
	st := reflect.ValueOf(s.withLine(s.line(), LineFromFlag))
	for i := 0; i < st.NumMethod(); i++ {
		svc := st.Method(i).Call(nil)[0].Type()
		for _, typ := range []reflect.Type{svc, st.Type()} {
			for f := range typ.Elem().Fields() {
				if f.IsExported() {
					t.Errorf("%s has the exported field %s", typ, f.Name)
				}
			}
			for m := range typ.Methods() {
				for out := range m.Type.Outs() {
					if forbidden[out] {
						t.Errorf("%s.%s returns %s", typ, m.Name, out)
					}
				}
			}
		}
	}
}

package ufunc

import (
	"slices"
	"sync"
)

var (
	registryMu sync.RWMutex
	registry   = map[string]*Ufunc{}
)

// Publish makes u findable by name with Lookup. Publishing a second ufunc
// under a name already taken is an error.
func Publish(u *Ufunc) error {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[u.name]; dup {
		return &RegistrationError{Ufunc: u.name, Msg: "a ufunc of that name is already published"}
	}
	registry[u.name] = u
	return nil
}

// Lookup returns the published ufunc with NumPy's name ("add",
// "true_divide", "arctan2").
func Lookup(name string) (*Ufunc, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	u, ok := registry[name]
	return u, ok
}

// Names returns the names of all published ufuncs, sorted.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// define creates and publishes a standard ufunc; the loop tables are
// filled by the files that define each family, on the ufunc's first use
// (see Ufunc.lazy). It panics on a programming error, at start-up.
func define(s Spec) *Ufunc {
	u, err := New(s)
	if err != nil {
		panic(err)
	}
	u.loaded.Store(false)
	if err := Publish(u); err != nil {
		panic(err)
	}
	return u
}

// alias publishes u under a second name (divide for true_divide).
func alias(name string, u *Ufunc) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = u
}

package ufunc

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/pluribus-go/pluribus/ndarray"
)

// Method names a way of applying a ufunc, for container handlers.
type Method string

// The methods a handler may be asked to perform.
const (
	MethodCall       Method = "call"
	MethodReduce     Method = "reduce"
	MethodAccumulate Method = "accumulate"
	MethodOuter      Method = "outer"
)

// Handler performs a ufunc method for a container type: a type other than
// *ndarray.Array that holds array data (a masked array, a lazy
// expression, a distributed array). args are the operands and options as
// the caller gave them. The result is the handler's own choice of type.
type Handler func(u *Ufunc, method Method, args []any) (any, error)

var (
	containerMu sync.RWMutex
	containers  = map[reflect.Type]Handler{}
)

// RegisterContainer makes h handle every ufunc method applied with Apply
// to operands of type T. This is the first tier of dispatch: the
// container type is chosen before any dtype loop. It is an error to
// register a type twice, or *ndarray.Array.
func RegisterContainer[T any](h Handler) error {
	t := reflect.TypeFor[T]()
	if t == reflect.TypeFor[*ndarray.Array]() || h == nil {
		return &RegistrationError{Ufunc: "*", Msg: "cannot register " + t.String() + " as a container"}
	}
	containerMu.Lock()
	defer containerMu.Unlock()
	if _, dup := containers[t]; dup {
		return &RegistrationError{Ufunc: "*", Msg: "container " + t.String() + " is already registered"}
	}
	containers[t] = h
	return nil
}

// handlerFor returns the handler of the first operand whose type is a
// registered container.
func handlerFor(args []any) (Handler, bool) {
	containerMu.RLock()
	defer containerMu.RUnlock()
	if len(containers) == 0 {
		return nil, false
	}
	for _, a := range args {
		if _, isOpt := a.(Option); isOpt || a == nil {
			continue
		}
		if h, ok := containers[reflect.TypeOf(a)]; ok {
			return h, true
		}
	}
	return nil, false
}

// Apply performs method on args with two-tier dispatch: when an operand's
// type is a registered container, its handler performs the method and
// its result is returned; otherwise the operands must be arrays or Go
// scalars and the method runs on them (Call, Reduce, Accumulate or Outer),
// returning an *ndarray.Array.
func (u *Ufunc) Apply(method Method, args ...any) (any, error) {
	if h, ok := handlerFor(args); ok {
		return h(u, method, args)
	}
	switch method {
	case MethodCall:
		return u.Call(args...)
	case MethodReduce, MethodAccumulate, MethodOuter:
		return u.applyArrayMethod(method, args)
	}
	return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("unknown method %q", method)}
}

// applyArrayMethod runs a reduction-like method on array operands.
func (u *Ufunc) applyArrayMethod(method Method, args []any) (any, error) {
	var arrays []*ndarray.Array
	var opts []Option
	for _, a := range args {
		switch v := a.(type) {
		case Option:
			opts = append(opts, v)
		case *ndarray.Array:
			arrays = append(arrays, v)
		default:
			return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("%s takes arrays, got %s", method, describe(a))}
		}
	}
	want := 1
	if method == MethodOuter {
		want = 2
	}
	if len(arrays) != want {
		return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("%s takes %d arrays, got %d", method, want, len(arrays))}
	}
	switch method {
	case MethodReduce:
		return u.Reduce(arrays[0], opts...)
	case MethodAccumulate:
		return u.Accumulate(arrays[0], opts...)
	}
	return u.Outer(arrays[0], arrays[1], opts...)
}

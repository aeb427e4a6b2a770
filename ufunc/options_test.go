package ufunc

import (
	"reflect"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// TestOptionsApply applies each option to the default configuration and
// checks the one setting it changes, and that a later option overrides
// an earlier one.
func TestOptionsApply(t *testing.T) {
	a, _ := ndarray.Zeros(dtype.Float64, 3)
	b, _ := ndarray.Zeros(dtype.Float64, 3)
	mask, _ := ndarray.Zeros(dtype.Bool, 3)
	ref := defaultConfig()
	for _, c := range []struct {
		name  string
		opts  []Option
		check func(c *config) bool
	}{
		{"Out(a)", []Option{Out(a)}, func(c *config) bool { return slices.Equal(c.outputs(), []*ndarray.Array{a}) }},
		{"Out(nil)", []Option{Out(nil)}, func(c *config) bool { return slices.Equal(c.outputs(), []*ndarray.Array{nil}) }},
		{"Out(a, b)", []Option{Out(a, b)}, func(c *config) bool { return slices.Equal(c.outputs(), []*ndarray.Array{a, b}) }},
		{"Out(a, b) then Out(b)", []Option{Out(a, b), Out(b)}, func(c *config) bool { return slices.Equal(c.outputs(), []*ndarray.Array{b}) }},
		{"Out(b) then Out(a, b)", []Option{Out(b), Out(a, b)}, func(c *config) bool { return slices.Equal(c.outputs(), []*ndarray.Array{a, b}) }},
		{"Where", []Option{Where(mask)}, func(c *config) bool { return c.where == mask }},
		{"DType", []Option{DType(dtype.Int16)}, func(c *config) bool { return c.dtype == dtype.Int16 }},
		{"Casting", []Option{Casting(dtype.Unsafe)}, func(c *config) bool { return c.casting == dtype.Unsafe }},
		{"Order", []Option{Order(ndarray.F)}, func(c *config) bool { return c.order == ndarray.F && c.orderSet }},
		{"Axis()", []Option{Axis()}, func(c *config) bool { return c.axisSet && len(c.axisList()) == 0 }},
		{"Axis(-1)", []Option{Axis(-1)}, func(c *config) bool { return c.axisSet && slices.Equal(c.axisList(), []int{-1}) }},
		{"Axis(127)", []Option{Axis(127)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{127}) }},
		{"Axis(-129)", []Option{Axis(-129)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{-129}) }},
		{"Axis(1000)", []Option{Axis(1000)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{1000}) }},
		{"Axis(0, 2)", []Option{Axis(0, 2)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{0, 2}) }},
		{"Axis(0, 2) then Axis(1)", []Option{Axis(0, 2), Axis(1)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{1}) }},
		{"Axis(1) then Axis(0, 2)", []Option{Axis(1), Axis(0, 2)}, func(c *config) bool { return slices.Equal(c.axisList(), []int{0, 2}) }},
		{"KeepDims", []Option{KeepDims()}, func(c *config) bool { return c.keepDims }},
		{"Initial", []Option{Initial(2.5)}, func(c *config) bool { return c.initial == 2.5 }},
		{"DDof", []Option{DDof(1)}, func(c *config) bool { return c.ddof == 1 }},
		{"SkipMissing", []Option{SkipMissing()}, func(c *config) bool { return c.skipMissing }},
		{"nil", []Option{nil}, func(c *config) bool { return reflect.DeepEqual(*c, defaultConfig()) }},
	} {
		cfg := newConfig(c.opts)
		if !c.check(&cfg) {
			t.Errorf("%s: configuration %+v", c.name, cfg)
		}
		if reflect.DeepEqual(cfg, ref) && c.name != "nil" {
			t.Errorf("%s: changed nothing", c.name)
		}
	}
	// configOption copies a whole configuration (meanCfg and friends)
	src := newConfig([]Option{Out(a), Axis(0), DDof(2)})
	cp := newConfig([]Option{configOption{&src}})
	if !slices.Equal(cp.outputs(), []*ndarray.Array{a}) || !slices.Equal(cp.axisList(), []int{0}) || cp.ddof != 2 {
		t.Errorf("configOption: %+v", cp)
	}
}

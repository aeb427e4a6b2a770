package dtype

import "fmt"

// ParseError reports a type name that could not be parsed.
type ParseError struct {
	Input  string // the text given
	Reason string // what is wrong with it
}

// Error returns the message.
func (e *ParseError) Error() string {
	return fmt.Sprintf("dtype: cannot parse %q as a data type: %s", e.Input, e.Reason)
}

// CastError reports a cast that the casting rule forbids, or one for which
// no conversion exists.
type CastError struct {
	From, To DType
	Casting  Casting
}

// Error returns the message.
func (e *CastError) Error() string {
	return fmt.Sprintf("dtype: cannot cast from %s to %s according to the rule '%s'", e.From, e.To, e.Casting)
}

// PromotionError reports types that have no common type.
type PromotionError struct {
	Types  []DType
	Reason string // why, when more can be said than "no common type"
}

// Error returns the message.
func (e *PromotionError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("dtype: no common type for %v: %s", e.Types, e.Reason)
	}
	return fmt.Sprintf("dtype: no common type for %v", e.Types)
}

// Package services enables the project's Google APIs and hands each component the project id
// gated on the APIs it needs. It has no spec/: its one type, the API enablement, the
// cross-cloud link registers too, and the rules on APIs look at the whole stack.
package services

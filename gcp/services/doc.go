// Package services enables the project's Google APIs and hands each component the project id
// gated on the APIs it needs. What the tooling knows about it is in spec/.
package services

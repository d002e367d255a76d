//go:build !dev

package buildinfo

const devTag = false //nolint:unused // read by gui_on.go, in desktop builds only

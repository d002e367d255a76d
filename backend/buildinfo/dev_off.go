//go:build !dev

package buildinfo

const devTag = false

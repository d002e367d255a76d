//go:build dev

package buildinfo

const devTag = true

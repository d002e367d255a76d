//go:build !(desktop || dev || production || bindings)

package buildinfo

// GUI reports whether the Wails GUI is compiled into this binary.
const GUI = false

// DevServer reports a `dev`-tagged build.
const DevServer = false

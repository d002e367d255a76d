// Command hello is the baseline of make bench-cli: the smallest Go program.
package main

import "fmt"

func main() { fmt.Println("hello, world") }

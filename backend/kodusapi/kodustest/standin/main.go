// Command kodus-standin runs the Kodus API stand-in (package kodustest) as
// a process, for the browser tests: it prints its URL on the first line of
// standard output and serves until it is killed. Test-only: it is built by
// `make e2e`, never shipped.
//
//	kodus-standin [-behind-web] [-container-env FILE]
//
// -container-env names the file that holds the API container's
// environment (the stand-in docker writes it when Compose recreates the
// container): the env part of Kodus's status.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/kodusapi/kodustest"
)

func main() {
	behindWeb := flag.Bool("behind-web", false, "serve the API only under /api/proxy/api, as Kodus's web app does")
	containerEnv := flag.String("container-env", "", "file with the API container's environment")
	flag.Parse()
	opts := kodustest.Options{BehindWeb: *behindWeb, Control: true}
	if *containerEnv != "" {
		opts.Env = func() map[string]string {
			vals, err := godotenv.Read(*containerEnv)
			if err != nil {
				return nil
			}
			return vals
		}
	}
	s := kodustest.Start(opts)
	fmt.Println(s.URL)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	s.Close()
}

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/discover"
)

func discoverCmd(a *app) *cobra.Command {
	var urls []string
	var asJSON bool
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "discover [--url URL ...] [--json]",
		Short: "Find the LLM servers running on this machine (Ollama, vLLM, LM Studio, llama.cpp) and their models",
		Long: `Probe the usual local endpoints in parallel and list the servers that
answer, with their kind, models and latency:

  Ollama     http://127.0.0.1:11434/v1
  vLLM       http://127.0.0.1:8000/v1
  LM Studio  http://127.0.0.1:1234/v1
  llama.cpp  http://127.0.0.1:8080/v1 and :9931/v1

--url adds endpoints (repeat it, or separate with commas; http:// and /v1
are added when left out). ` + discover.EnvURLs + ` replaces the default list
("none" probes only --url). Only GET requests are sent, never a key.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("give each URL with --url (got %q)", strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(*cobra.Command, []string) error {
			defaults, err := discover.DefaultsFromEnv(a.env.Getenv)
			if err != nil {
				return usagef("%v", err)
			}
			if timeout <= 0 {
				return usagef("--timeout must be positive (got %s)", timeout)
			}
			for _, u := range urls {
				if _, err := discover.NormalizeURL(u); err != nil {
					return usagef("--url: %v", err)
				}
			}
			res, err := discover.Run(a.ctx, discover.Options{Defaults: defaults, URLs: urls, Timeout: timeout})
			if err != nil {
				return fmt.Errorf("discover: %w", err)
			}
			if asJSON {
				return a.printJSON(res)
			}
			printDiscovery(a, res)
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&urls, "url", nil, "another base URL to probe, e.g. http://gpu-box.lan:8000/v1")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().DurationVar(&timeout, "timeout", discover.DefaultTimeout, "how long each probe may take (raise it for a slow LAN server)")
	return cmd
}

func printDiscovery(a *app, res discover.Result) {
	w := a.out()
	probed := len(res.Servers) + len(res.Unreachable)
	if len(res.Servers) == 0 {
		fmt.Fprintf(w, "No LLM server answered (%d endpoints probed in %d ms).\n", probed, res.ElapsedMs)
	} else {
		fmt.Fprintf(w, "Found %d LLM server(s) (%d endpoints probed in %d ms):\n", len(res.Servers), probed, res.ElapsedMs)
	}
	for _, s := range res.Servers {
		head := s.Name
		if s.Version != "" {
			head += " " + s.Version
		}
		fmt.Fprintf(w, "\n%s · %s · %d ms\n", head, s.BaseURL, s.LatencyMs)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, m := range s.Models {
			fmt.Fprintf(tw, "  %s\t%s\n", m.ID, modelDetails(m))
		}
		tw.Flush()
		if len(s.Models) == 0 && !s.NeedsKey {
			fmt.Fprintln(w, "  (no models yet)")
		}
		for _, n := range s.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
	}
	if len(res.Unreachable) > 0 {
		fmt.Fprintln(w, "\nNothing at:")
		for _, m := range res.Unreachable {
			fmt.Fprintf(w, "  %s: %s\n", m.BaseURL, m.Reason)
		}
	}
	for _, s := range res.Servers {
		if len(s.Models) > 0 {
			fmt.Fprintf(w, "\nUse one: %s profile set NAME --provider openai_compatible --model %s --base-url %s\n", buildinfo.Name, s.Models[0].ID, s.BaseURL)
			if s.ContainerBaseURL != "" {
				fmt.Fprintf(w, "%s For Kodus, this server is %s.\n", discover.DockerReminder, s.ContainerBaseURL)
			}
			break
		}
	}
}

func modelDetails(m discover.Model) string {
	var parts []string
	if m.Type != "" && m.Type != "llm" {
		parts = append(parts, m.Type)
	}
	if m.ParameterSize != "" {
		parts = append(parts, m.ParameterSize)
	}
	if m.Quantization != "" {
		parts = append(parts, m.Quantization)
	}
	if m.ContextLength > 0 {
		parts = append(parts, fmt.Sprintf("%dK context", m.ContextLength/1024))
	}
	if m.SizeBytes > 0 {
		parts = append(parts, fmt.Sprintf("%.1f GB", float64(m.SizeBytes)/1e9))
	}
	if m.Loaded != nil && !*m.Loaded {
		parts = append(parts, "not loaded")
	}
	return strings.Join(parts, " · ")
}

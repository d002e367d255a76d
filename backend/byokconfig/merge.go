package byokconfig

// Merge puts a profile's v2 config into the config a running Kodus already
// has, the way Kodus's own web UI writes (byok-v2-write.ts): credentials
// and models with the export's ids replace their old versions, every other
// entry is kept; a carried-over credential is re-sent with apiKey "" (keep
// the stored key: never echo the masked key Kodus returned) and a managed
// one untouched; routing keeps its mode and task overrides and points its
// default and fallback at the profile's models. A replaced model keeps the
// limiter settings (rpm, tpm, cooldownMs) the export does not set.
func Merge(existing, add V2) V2 {
	out := V2{Version: Version2, Credentials: []Credential{}, Models: []Model{}}
	ours := map[string]bool{}
	for _, c := range add.Credentials {
		ours[c.ID] = true
	}
	for _, c := range existing.Credentials {
		if ours[c.ID] {
			continue
		}
		if !c.Managed {
			keep := ""
			c.APIKey = &keep
		}
		out.Credentials = append(out.Credentials, c)
	}
	out.Credentials = append(out.Credentials, add.Credentials...)

	old := map[string]Model{}
	for _, m := range existing.Models {
		old[m.ID] = m
	}
	replaced := map[string]bool{}
	for _, m := range add.Models {
		replaced[m.ID] = true
	}
	for _, m := range existing.Models {
		if !replaced[m.ID] {
			out.Models = append(out.Models, m)
		}
	}
	for _, m := range add.Models {
		if prev, ok := old[m.ID]; ok {
			m.RPM, m.TPM, m.CooldownMs = firstInt(m.RPM, prev.RPM), firstInt(m.TPM, prev.TPM), firstInt(m.CooldownMs, prev.CooldownMs)
		}
		out.Models = append(out.Models, m)
	}

	r := Routing{}
	if existing.Routing != nil {
		r = *existing.Routing
	}
	if add.Routing != nil {
		if add.Routing.DefaultModelID != "" {
			r.DefaultModelID = add.Routing.DefaultModelID
		}
		r.FallbackModelID = add.Routing.FallbackModelID
	}
	out.Routing = &r
	return out
}

func firstInt(a, b *int) *int {
	if a != nil {
		return a
	}
	return b
}

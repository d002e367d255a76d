package dryrun

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// answer is what a successful reply says: the usage, the text and why the
// model stopped.
type answer struct {
	usage  *Usage
	text   string
	finish string
	// cutOff: the reply stopped at the output cap.
	cutOff bool
}

// maxReply bounds the answer text kept for display.
const maxReply = 200

// parseAnswer reads a 2xx body of the request's protocol. A body it cannot
// read gives no usage (shown as "not reported").
func parseAnswer(api string, body []byte) answer {
	switch api {
	case "anthropic-messages", "vertex-anthropic-raw-predict":
		return anthropicAnswer(body)
	case "bedrock-converse":
		return converseAnswer(body)
	case "openai-responses":
		return responsesAnswer(body)
	case "gemini-generate-content", "vertex-generate-content":
		return geminiAnswer(body)
	}
	return chatAnswer(body)
}

// anthropicAnswer reads an Anthropic Messages reply.
func anthropicAnswer(body []byte) answer {
	var r struct {
		Content []struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"content"`
		StopReason string `json:"stop_reason"`
		Usage      *struct {
			In     int64 `json:"input_tokens"`
			Out    int64 `json:"output_tokens"`
			Read   int64 `json:"cache_read_input_tokens"`
			Create int64 `json:"cache_creation_input_tokens"`
		} `json:"usage"`
	}
	if json.Unmarshal(body, &r) != nil {
		return answer{}
	}
	a := answer{finish: r.StopReason, cutOff: r.StopReason == "max_tokens"}
	for _, c := range r.Content {
		if c.Type == "text" {
			a.text += c.Text
		}
	}
	if r.Usage != nil {
		// Anthropic's input_tokens excludes cache reads and writes.
		a.usage = &Usage{InputTokens: r.Usage.In + r.Usage.Read + r.Usage.Create, OutputTokens: r.Usage.Out, CachedInputTokens: r.Usage.Read}
	}
	return a
}

// responsesAnswer reads an OpenAI Responses reply.
func responsesAnswer(body []byte) answer {
	var r struct {
		Status     string `json:"status"`
		Incomplete *struct {
			Reason string `json:"reason"`
		} `json:"incomplete_details"`
		Output []struct {
			Type    string `json:"type"`
			Content []struct {
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"content"`
		} `json:"output"`
		Usage *struct {
			In       int64 `json:"input_tokens"`
			InDetail struct {
				Cached int64 `json:"cached_tokens"`
			} `json:"input_tokens_details"`
			Out       int64 `json:"output_tokens"`
			OutDetail *struct {
				Reasoning *int64 `json:"reasoning_tokens"`
			} `json:"output_tokens_details"`
		} `json:"usage"`
	}
	if json.Unmarshal(body, &r) != nil {
		return answer{}
	}
	a := answer{finish: r.Status}
	if r.Incomplete != nil {
		a.finish = r.Incomplete.Reason
		a.cutOff = r.Incomplete.Reason == "max_output_tokens"
	}
	for _, o := range r.Output {
		for _, c := range o.Content {
			if o.Type == "message" && c.Type == "output_text" {
				a.text += c.Text
			}
		}
	}
	if u := r.Usage; u != nil {
		a.usage = &Usage{InputTokens: u.In, OutputTokens: u.Out, CachedInputTokens: u.InDetail.Cached}
		if u.OutDetail != nil {
			a.usage.ReasoningTokens = u.OutDetail.Reasoning
		}
	}
	return a
}

// geminiAnswer reads a Gemini generateContent reply.
func geminiAnswer(body []byte) answer {
	var r struct {
		Candidates []struct {
			FinishReason string `json:"finishReason"`
			Content      struct {
				Parts []struct {
					Text    string `json:"text"`
					Thought bool   `json:"thought"`
				} `json:"parts"`
			} `json:"content"`
		} `json:"candidates"`
		Usage *struct {
			Prompt     int64  `json:"promptTokenCount"`
			Candidates int64  `json:"candidatesTokenCount"`
			Thoughts   *int64 `json:"thoughtsTokenCount"`
			Cached     int64  `json:"cachedContentTokenCount"`
		} `json:"usageMetadata"`
	}
	if json.Unmarshal(body, &r) != nil {
		return answer{}
	}
	var a answer
	if len(r.Candidates) > 0 {
		a.finish = r.Candidates[0].FinishReason
		a.cutOff = a.finish == "MAX_TOKENS"
		for _, p := range r.Candidates[0].Content.Parts {
			if !p.Thought {
				a.text += p.Text
			}
		}
	}
	if u := r.Usage; u != nil {
		// Gemini counts thoughts apart from the candidates; both are billed as output.
		out := u.Candidates
		if u.Thoughts != nil {
			out += *u.Thoughts
		}
		a.usage = &Usage{InputTokens: u.Prompt, OutputTokens: out, ReasoningTokens: u.Thoughts, CachedInputTokens: u.Cached}
	}
	return a
}

// chatAnswer reads an OpenAI-compatible Chat Completions reply.
func chatAnswer(body []byte) answer {
	var r struct {
		Choices []struct {
			FinishReason string `json:"finish_reason"`
			Message      struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
		Usage *struct {
			Prompt       int64 `json:"prompt_tokens"`
			Completion   int64 `json:"completion_tokens"`
			PromptDetail *struct {
				Cached int64 `json:"cached_tokens"`
			} `json:"prompt_tokens_details"`
			CompletionDetail *struct {
				Reasoning *int64 `json:"reasoning_tokens"`
			} `json:"completion_tokens_details"`
		} `json:"usage"`
	}
	if json.Unmarshal(body, &r) != nil {
		return answer{}
	}
	var a answer
	if len(r.Choices) > 0 {
		a.finish, a.text = r.Choices[0].FinishReason, r.Choices[0].Message.Content
		a.cutOff = a.finish == "length"
	}
	if u := r.Usage; u != nil {
		a.usage = &Usage{InputTokens: u.Prompt, OutputTokens: u.Completion}
		if u.PromptDetail != nil {
			a.usage.CachedInputTokens = u.PromptDetail.Cached
		}
		if u.CompletionDetail != nil {
			a.usage.ReasoningTokens = u.CompletionDetail.Reasoning
		}
	}
	return a
}

// short keeps the start of a text on one line.
func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// What the manual path says for the cloud providers whose fields are not a
// plain base URL, model id and key: Amazon Bedrock (a region, an optional
// endpoint override, model or inference-profile ids) and Azure OpenAI (a
// resource endpoint and a deployment name).
export interface ProviderCopy {
  card: string;
  baseURLLabel: string;
  baseURLHint: string;
  baseURLPlaceholder: string;
  modelLabel: string;
  modelHint: string;
  modelPlaceholder: string;
}

export function providerCopy(provider: string): ProviderCopy | undefined {
  switch (provider) {
    case 'amazon_bedrock':
      return {
        card: 'A Bedrock API key or IAM access keys, and a region',
        baseURLLabel: 'Endpoint override (optional)',
        baseURLHint: "Leave empty: Kodus always calls bedrock-runtime.REGION.amazonaws.com and has no such setting. Set it only for a proxy or a local stand-in this app's tests should reach.",
        baseURLPlaceholder: 'https://bedrock-runtime.us-east-1.amazonaws.com',
        modelLabel: 'Model or inference profile id',
        modelHint:
          'e.g. us.anthropic.claude-sonnet-4-6 (Claude needs an inference profile), global.anthropic.claude-opus-4-7 or amazon.nova-pro-v1:0. Kodus gives a bare anthropic.* id the profile of the region’s geography.',
        modelPlaceholder: 'us.anthropic.claude-sonnet-4-6',
      };
    case 'azure':
      return {
        card: 'Your resource endpoint, a deployment and its key',
        baseURLLabel: 'Resource endpoint',
        baseURLHint: 'From the Azure portal’s Keys and Endpoint page, ending in /openai. Kodus appends /deployments/{deployment}/responses to it.',
        baseURLPlaceholder: 'https://RESOURCE.openai.azure.com/openai',
        modelLabel: 'Deployment name',
        modelHint: 'The name listed under Deployments (not the model’s name). Kodus sends reasoning only to a deployment named like an o-series or gpt-5 model.',
        modelPlaceholder: 'gpt-5-4-review',
      };
  }
  return undefined;
}

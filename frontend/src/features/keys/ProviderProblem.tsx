interface ProviderProblemProps {
  headline: string;
  httpStatus?: number;
  message: string;
  providerMessage?: string;
}

/** The head of a failed call to a provider: headline with the HTTP status, what happened, and the provider's own words. */
export function ProviderProblem({ headline, httpStatus, message, providerMessage }: ProviderProblemProps) {
  return (
    <>
      <div className="alert-title">
        {headline}
        {httpStatus ? ` · HTTP ${httpStatus}` : ''}
      </div>
      <div>{message}</div>
      {providerMessage && (
        <div className="provider-said" data-testid="provider-said">
          Provider said: {providerMessage}
        </div>
      )}
    </>
  );
}

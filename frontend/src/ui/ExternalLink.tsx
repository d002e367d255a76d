import { useApi } from '../api';

/** A link that opens in the user's browser (the webview itself never navigates away). */
export function ExternalLink({ href, children }: { href: string; children?: React.ReactNode }) {
  const api = useApi();
  return (
    <button type="button" className="link-btn" title={href} onClick={() => void api.openURL(href)}>
      {children ?? href.replace(/^https?:\/\//, '')}
    </button>
  );
}

export interface LoginSite {
  url: string;
  seen: { signedIn: number; refused: number };
  close(): Promise<void>;
}
export function startLoginSite(options: { uri: string; user?: string; password?: string; port?: number }): Promise<LoginSite>;

import type { PropsWithChildren } from 'react';
import { SessionProvider } from './hooks/use-session';
import { initCloud } from './services/cloud-init';
import { loginWithHome } from './services/home-launch';
import { hasLoginIdentity } from './services/login-identity';
import { installPrivacyListener } from './services/privacy-listener';
import './app.scss';

// Before the first render: the session's login call must find wx.cloud initialised. The launch login is the
// home screen's one call (account.home): 首页 takes its cards instead of asking again.
initCloud();
// Before any page can call a guarded API (location, scan, files, clipboard, subscribe): our sheet answers WeChat.
installPrivacyListener();

// App renders no UI of its own in a mini-program (each page is its own tree); providers only.
function App({ children }: PropsWithChildren) {
  return (
    <SessionProvider login={loginWithHome} canLogin={hasLoginIdentity}>
      {children}
    </SessionProvider>
  );
}

export default App;

import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A link that looks like a button: an `<a>` for assistive technology, navigated inside the app. */
export function LinkButton({ to, children, primary }: { to: string; children: ReactNode; primary?: boolean }) {
  const navigate = useNavigate();
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Button>
  );
}

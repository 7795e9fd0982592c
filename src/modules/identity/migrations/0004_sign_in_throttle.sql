-- Sign-in throttling counted atomically: every attempt is counted before its password is checked,
-- one row per throttle key (the account at one address, the address, the account from unknown
-- addresses), so twenty parallel guesses cannot all be checked. A key over its limit is blocked
-- with a back-off that doubles at each lockout; a success clears the account's key at that address.
create table identity.sign_in_throttle (
  throttle_key text primary key,
  window_start timestamptz not null default now(),
  attempts int not null default 0,
  lockouts int not null default 0,
  blocked_until timestamptz
);

-- Addresses an account has signed in from: the real user's own address is not locked out by
-- guesses made from elsewhere.
create table identity.sign_in_addresses (
  username text not null,
  address text not null,
  last_success_at timestamptz not null default now(),
  primary key (username, address)
);

drop table identity.login_failures;

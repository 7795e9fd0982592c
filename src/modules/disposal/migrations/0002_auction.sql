-- Disposal, second half: the online judicial auction (网络司法拍卖, 网拍规定 2016; 拍卖变卖规定 2020).
-- A lot is one auction round of an asset at the reference price of its valuation
-- (disposal.valuations); real-name bidders hold a deposit at the bank, bid under the lot's row lock
-- with the 5-minute extension, and after the close the losers' holds are released, the winner's
-- captured into the case account, and the balance awaited; a failed round is auctioned again, and
-- after two the court chooses transfer in lieu (以物抵债), a sale (变卖) or release.
--
-- Retention: auction data (lots, bidders, deposits, bids, rulings) is kept for at least ten years
-- (网拍规定; DOMAIN §7). The application may not delete or truncate any of these tables, and may
-- not change a bid once written; nothing here is ever deleted.
create schema if not exists disposal;

-- Bidders (竞买人), registered in their real name. Only the SHA-256 of the bearer token is kept.
create table disposal.auction_bidders (
  id uuid primary key,
  name text not null,
  id_number text not null,
  phone text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
create index auction_bidders_id_number on disposal.auction_bidders (id_number);

-- Who may not bid (网拍规定: the court, the platform, their staff and close relatives), by ID
-- number: identity's users carry none, so the court's administrator registers them here.
create table disposal.auction_exclusions (
  id_number text primary key,
  name text not null,
  kind text not null check (kind in ('courtStaff', 'platformStaff', 'closeRelative')),
  note text not null default '',
  created_by uuid not null,
  created_at timestamptz not null default now()
);

-- A lot: one round of the auction of one asset (cold facts; the bidding state is below).
create table disposal.lots (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  court_id uuid not null,
  court_path text not null,
  court_name text not null,
  division_code text not null,
  asset_id uuid not null,
  valuation_id uuid not null,
  asset_type text not null,
  property_class text not null check (property_class in ('movable', 'realEstate')),
  title text not null,
  description text not null,
  photos jsonb not null default '[]',
  encumbrances jsonb not null default '[]',
  notices jsonb not null default '[]',
  round text not null check (round in ('first', 'second')),
  previous_lot_id uuid references disposal.lots (id),
  reference_price_fen bigint not null check (reference_price_fen > 0),
  deposit_fen bigint not null check (deposit_fen > 0),
  bidding_ends_at timestamptz not null,
  balance_period_days int not null check (balance_period_days between 1 and 90),
  announced_on date not null,
  created_by uuid not null,
  -- Bidder numbers handed out so far (a lot's numbers are gap-free).
  deposit_count int not null default 0,
  -- The close: the winning deposit and price (null when the round failed).
  closed_at timestamptz,
  closed_on date,
  winner_deposit_id uuid,
  price_fen bigint,
  balance_due_on date,
  -- Payment of a closed lot into the case account: the captured deposit and the balance, each
  -- matched once by amount to a receipt of the funds module (funds.money-received).
  captured_fen bigint,
  capture_receipt_id uuid,
  balance_receipt_id uuid,
  paid_on date,
  defaulted_on date,
  -- A sale (变卖) after two failed rounds: the price and the last day of its window.
  sale_price_fen bigint,
  sale_opened_on date,
  sale_ends_on date,
  transferred_to_party_id uuid,
  decided_by uuid,
  decided_on date,
  updated_at timestamptz not null default now()
);
create index lots_case on disposal.lots (case_id, announced_on);
create index lots_asset on disposal.lots (asset_id, announced_on);
create index lots_division on disposal.lots (division_code, announced_on desc);
create index lots_awaiting_payment on disposal.lots (balance_due_on)
  where closed_at is not null and paid_on is null and defaulted_on is null;

-- The lot's bidding state: narrow and apart from the facts above, so that each bid rewrites a small
-- row (a heap-only update unless the end moves). The one row every bid of the lot locks.
create table disposal.lot_bidding (
  lot_id uuid primary key references disposal.lots (id),
  state text not null check (state in ('announced', 'bidding', 'closed', 'sold', 'defaulted', 'failed',
    'saleOpen', 'saleEnded', 'transferredInLieu', 'released')),
  starting_price_fen bigint not null check (starting_price_fen > 0),
  increment_fen bigint not null check (increment_fen > 0),
  bidding_starts_at timestamptz not null,
  ends_at timestamptz not null,
  current_price_fen bigint,
  bid_count int not null default 0,
  leader_deposit_id uuid,
  leader_rank int,
  last_bid_at timestamptz
);
create index lot_bidding_due on disposal.lot_bidding (ends_at) where state in ('announced', 'bidding');
create index lot_bidding_state on disposal.lot_bidding (state);

-- Preemptors (优先购买权人) and their order (网拍规定 art. 21: 1 is first).
create table disposal.lot_preemptors (
  lot_id uuid not null references disposal.lots (id),
  id_number text not null,
  name text not null,
  rank int not null check (rank between 1 and 99),
  primary key (lot_id, id_number)
);

-- Deposits held at the bank on the bidder's side (冻结保证金), and a sale's full-price purchase
-- holds. Recorded (`requested`) before the bank is asked; the hold id is the bank's idempotency key.
create table disposal.deposits (
  id uuid primary key,
  lot_id uuid not null references disposal.lots (id),
  bidder_id uuid not null references disposal.auction_bidders (id),
  kind text not null check (kind in ('deposit', 'purchase')),
  id_number text not null,
  amount_fen bigint not null check (amount_fen >= 0),
  hold_id text not null unique,
  state text not null check (state in ('requested', 'held', 'refused', 'releasing', 'released',
    'capturing', 'captured')),
  bidder_number text,
  preemptor_rank int,
  is_creditor boolean not null default false,
  refusal text,
  capture_serial text,
  requested_at timestamptz not null default now(),
  held_at timestamptz,
  settled_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (lot_id, bidder_id, kind),
  unique (lot_id, bidder_number)
);
create index deposits_bidder on disposal.deposits (bidder_id, requested_at);
create index deposits_open on disposal.deposits (state, updated_at)
  where state in ('requested', 'releasing', 'capturing');

-- Accepted bids: one gap-free sequence per lot, in the order of the lot's row lock. Written once.
create table disposal.bids (
  lot_id uuid not null references disposal.lots (id),
  seq int not null check (seq > 0),
  deposit_id uuid not null,
  bidder_number text not null,
  amount_fen bigint not null check (amount_fen > 0),
  at timestamptz not null,
  is_preemptor boolean not null,
  ends_at timestamptz not null,
  primary key (lot_id, seq)
);
create index bids_deposit on disposal.bids (deposit_id, seq);

-- 网拍规定 art. 24: a defaulting winner may not bid when the asset is auctioned again.
create table disposal.barred_bidders (
  asset_id uuid not null,
  id_number text not null,
  lot_id uuid not null references disposal.lots (id),
  barred_on date not null,
  primary key (asset_id, id_number)
);

-- 成交确认裁定: recorded when the price is fully paid, due within 10 days (拍卖变卖规定).
create table disposal.confirmation_rulings (
  id uuid primary key,
  lot_id uuid not null unique references disposal.lots (id),
  deposit_id uuid,
  party_id uuid,
  price_fen bigint not null,
  paid_on date not null,
  due_on date not null,
  issued_on date not null,
  created_at timestamptz not null default now()
);

revoke delete, truncate on disposal.auction_bidders, disposal.auction_exclusions, disposal.lots,
  disposal.lot_bidding, disposal.lot_preemptors, disposal.deposits, disposal.bids,
  disposal.barred_bidders, disposal.confirmation_rulings from zhixing_app;
revoke update on disposal.bids from zhixing_app;

-- Bids, decided and written in one statement (网拍规定 arts. 20–21; rules/bidding.ts is its
-- specification): the bids that arrived at one server process while its previous statement was in
-- flight (one bid when nobody else is bidding there), of any lots, in arrival order. The bidders are
-- found by their tokens' hashes with their held deposits; then the lots' rows are locked, in the
-- order of their ids (two processes never wait on each other in a cycle), and each lot's bids are
-- decided in turn — each stamped with the server's clock at its arrival (never before the previous
-- bid), checked against the start, the end, the current price plus the increment (a preemptor may
-- match it and wins the tie by its order) — every accepted one written with its sequence and the end
-- it moved (5 minutes after a late bid), each lot's row updated once, every watcher told at commit.
-- Refused bids change nothing. One commit (and one turn of the notification queue's lock) per batch.
create function disposal.place_bids(p_lots uuid[], p_token_hashes text[], p_amounts bigint[], p_nows timestamptz[])
returns table (r_idx int, r_outcome text, r_seq int, r_price_fen bigint, r_ends_at timestamptz, r_at timestamptz,
  r_bidder_number text, r_minimum_fen bigint)
language plpgsql as $$
declare
  n int := coalesce(array_length(p_amounts, 1), 0);
  i int;
  v_lot uuid;
  v_bidder uuid;
  v_deposit uuid;
  v_number text;
  v_rank int;
  known boolean[] := '{}';
  deposits uuid[] := '{}';
  numbers text[] := '{}';
  ranks int[] := '{}';
  l disposal.lot_bidding%rowtype;
  v_at timestamptz;
  v_tie boolean;
  v_amount bigint;
  is_changed boolean := false;
begin
  -- Who bids, before any lock is taken: nothing here depends on the lots' state.
  for i in 1 .. n loop
    v_bidder := null;
    v_deposit := null;
    v_number := null;
    v_rank := null;
    select b.id into v_bidder from disposal.auction_bidders b where b.token_hash = p_token_hashes[i];
    if v_bidder is not null then
      select d.id, d.bidder_number, d.preemptor_rank into v_deposit, v_number, v_rank
        from disposal.deposits d
       where d.bidder_id = v_bidder and d.lot_id = p_lots[i] and d.kind = 'deposit' and d.state = 'held';
    end if;
    known[i] := v_bidder is not null;
    deposits[i] := v_deposit;
    numbers[i] := v_number;
    ranks[i] := v_rank;
  end loop;
  perform 1 from disposal.lot_bidding where lot_id = any(p_lots) order by lot_id for update;
  for v_lot, i in select u.lot, u.ord::int from unnest(p_lots) with ordinality as u(lot, ord) order by u.lot, u.ord loop
    if l.lot_id is distinct from v_lot then
      if is_changed then
        update disposal.lot_bidding b
           set state = l.state, current_price_fen = l.current_price_fen, bid_count = l.bid_count,
               leader_deposit_id = l.leader_deposit_id, leader_rank = l.leader_rank, last_bid_at = l.last_bid_at,
               ends_at = l.ends_at
         where b.lot_id = l.lot_id;
      end if;
      is_changed := false;
      l := null;
      select * into l from disposal.lot_bidding where lot_id = v_lot;
      if not found then
        l.lot_id := v_lot;
        l.state := null;
      end if;
    end if;
    r_idx := i;
    r_seq := null;
    r_at := null;
    r_minimum_fen := null;
    r_bidder_number := numbers[i];
    r_price_fen := l.current_price_fen;
    r_ends_at := l.ends_at;
    v_amount := p_amounts[i];
    v_rank := ranks[i];
    v_at := greatest(p_nows[i], coalesce(l.last_bid_at, p_nows[i]));
    if not known[i] then
      r_outcome := 'unknownBidder';
    elsif l.state is null then
      r_outcome := 'notFound';
    elsif l.state not in ('announced', 'bidding') then
      r_outcome := 'closed';
    elsif deposits[i] is null then
      r_outcome := 'noDeposit';
    elsif v_at < l.bidding_starts_at then
      r_outcome := 'tooEarly';
    elsif v_at >= l.ends_at then
      r_outcome := 'ended';
    elsif l.leader_deposit_id = deposits[i] then
      r_outcome := 'alreadyLeading';
    else
      v_tie := v_rank is not null and l.leader_deposit_id is not null
        and (l.leader_rank is null or v_rank < l.leader_rank);
      if (l.current_price_fen is null and v_amount < l.starting_price_fen)
         or (l.current_price_fen is not null and not (
               (v_amount = l.current_price_fen and v_tie) or v_amount >= l.current_price_fen + l.increment_fen)) then
        r_outcome := 'tooLow';
        r_minimum_fen := case when l.current_price_fen is null then l.starting_price_fen
                              when v_tie then l.current_price_fen
                              else l.current_price_fen + l.increment_fen end;
      else
        r_outcome := 'accepted';
        l.bid_count := l.bid_count + 1;
        l.current_price_fen := v_amount;
        l.leader_deposit_id := deposits[i];
        l.leader_rank := v_rank;
        l.last_bid_at := v_at;
        l.ends_at := greatest(l.ends_at, v_at + interval '5 minutes');
        l.state := 'bidding';
        is_changed := true;
        insert into disposal.bids (lot_id, seq, deposit_id, bidder_number, amount_fen, at, is_preemptor, ends_at)
        values (v_lot, l.bid_count, deposits[i], numbers[i], v_amount, v_at, v_rank is not null, l.ends_at);
        perform pg_notify('disposal_auction', json_build_object('k', 'bid', 'lot', v_lot, 'seq', l.bid_count,
          'amountFen', v_amount, 'bidderNumber', numbers[i], 'at', v_at, 'endsAt', l.ends_at,
          'isPreemptor', v_rank is not null)::text);
        r_seq := l.bid_count;
        r_price_fen := v_amount;
        r_ends_at := l.ends_at;
        r_at := v_at;
      end if;
    end if;
    return next;
  end loop;
  if is_changed then
    update disposal.lot_bidding b
       set state = l.state, current_price_fen = l.current_price_fen, bid_count = l.bid_count,
           leader_deposit_id = l.leader_deposit_id, leader_rank = l.leader_rank, last_bid_at = l.last_bid_at,
           ends_at = l.ends_at
     where b.lot_id = l.lot_id;
  end if;
end $$;

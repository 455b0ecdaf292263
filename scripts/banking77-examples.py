#!/usr/bin/env python3
"""Turns BANKING77 into English example phrases for `wallet-help search`.

BANKING77 (PolyAI, Casanueva et al. 2020, CC BY 4.0) is 10,003 real messages to a bank's
support, each labelled with one of 77 intents. This script maps every intent to one of our
25 guide ids, or to none, and splits the rows deterministically:

  data/search/examples-en.tsv            ~80%: compiled into the binary as example phrases
  tests/fixtures/search/heldout-en.tsv   ~20%: never compiled in; the evaluation in
                                         tests/integration/search.rs measures on it

Both files are `guide-id TAB phrase`, one row per line, sorted by id then phrase.

The split is by a hash of the normalised text (CRC-32 of the lowercased, space-collapsed
phrase): a row stays on its side whatever else changes in the data, and a phrase that occurs
twice lands on one side only, so the held-out split never contains a training phrase.

Unmapped rows (intent → none) are kept on both sides with the id `-`. In the examples they train
search's "none of these" class (they are never shown as a guide's phrase); in the held-out file
the evaluation does not count them towards top-1 and top-3, it reports how often search says
"none of these" to them: questions no guide covers (card delivery, ATMs, ...).

The mapping, intent → guide. Intents the issue named are as it said; the rest are decided
here, the reason after `#` in MAPPING below:

  payment-failed          declined_card_payment, card_not_working, contactless_not_working,
                          virtual_card_not_working, apple_pay_or_google_pay
  payment-pending         pending_card_payment, transaction_charged_twice,
                          reverted_card_payment?
  top-up-missing          pending_top_up, top_up_failed, top_up_reverted,
                          balance_not_updated_after_bank_transfer,
                          balance_not_updated_after_cheque_or_cash_deposit, topping_up_by_card,
                          transfer_into_account, top_up_by_cash_or_cheque, automatic_top_up,
                          top_up_limits
  withdrawal-problem      pending_cash_withdrawal, declined_cash_withdrawal,
                          wrong_amount_of_cash_received
  transfer-problem        transfer_not_received_by_recipient, failed_transfer, pending_transfer,
                          declined_transfer, cancel_transfer, transfer_timing,
                          beneficiary_not_allowed
  refund-missing          Refund_not_showing_up, request_refund
  unauthorized-activity   compromised_card, card_payment_not_recognised,
                          cash_withdrawal_not_recognised, direct_debit_payment_not_recognised,
                          lost_or_stolen_card
  lost-device             lost_or_stolen_phone
  account-locked          passcode_forgotten
  payment-password        pin_blocked, change_pin
  receive-money           receiving_money
  verify-identity         why_verify_identity, unable_to_verify_identity, verify_my_identity,
                          verify_source_of_funds
  card-link-failed        card_linking, supported_cards_and_currencies
  international-payment   exchange_rate, card_payment_wrong_exchange_rate,
                          wrong_exchange_rate_for_cash_withdrawal, fiat_currency_support,
                          country_support, exchange_via_app
  fee-question            extra_charge_on_statement, card_payment_fee_charged,
                          transfer_fee_charged, exchange_charge, top_up_by_card_charge,
                          cash_withdrawal_charge, top_up_by_bank_transfer_charge
  close-account           terminate_account
  update-info             edit_personal_details
  none                    card_arrival, card_delivery_estimate, get_physical_card,
                          order_physical_card, getting_spare_card, getting_virtual_card,
                          get_disposable_virtual_card, disposable_card_limits,
                          activate_my_card, card_about_to_expire, visa_or_mastercard,
                          card_acceptance, card_swallowed, atm_support, age_limit,
                          verify_top_up

No BANKING77 intent maps to code-not-received, repayment-problem, app-problem,
support-unresponsive, scam-check, contact, unwanted-charge or merchant-dispute: their English
search relies on the guides' titles, summaries, aliases and keywords, and on the phrases written
for wallet-help in data/search/examples-wallet-en.tsv. Rows for a guide whose file does not
exist yet are skipped by the build (with a warning) and by the evaluation.

Usage: scripts/banking77-examples.py [DATA_DIR]   (default ../shared/data/banking77)
Needs only the Python standard library. CI does not run it; rerun it after changing MAPPING
and commit both output files.
"""
import csv
import json
import re
import sys
import zlib
from pathlib import Path

NONE = None

MAPPING = {
    # payments: the payment did not go through
    "declined_card_payment": "payment-failed",
    "card_not_working": "payment-failed",  # "my card doesn't work", mostly at a till
    "contactless_not_working": "payment-failed",  # tap-to-pay is payment-failed's
    "virtual_card_not_working": "payment-failed",  # a card that is refused when paying
    "apple_pay_or_google_pay": "payment-failed",  # phone payments; the guide covers them
    # payments: money taken, payment unclear
    "pending_card_payment": "payment-pending",
    "transaction_charged_twice": "payment-pending",
    "reverted_card_payment?": "payment-pending",  # taken then returned: status unclear
    # money in
    "pending_top_up": "top-up-missing",
    "top_up_failed": "top-up-missing",
    "top_up_reverted": "top-up-missing",
    "balance_not_updated_after_bank_transfer": "top-up-missing",
    "balance_not_updated_after_cheque_or_cash_deposit": "top-up-missing",  # a deposit is a top-up
    "topping_up_by_card": "top-up-missing",  # half are "my card top-up is missing"
    "transfer_into_account": "top-up-missing",  # adding money by bank transfer
    "top_up_by_cash_or_cheque": "top-up-missing",  # how to add money: the nearest guide
    "automatic_top_up": "top-up-missing",  # ditto
    "top_up_limits": "top-up-missing",  # ditto
    # money out
    "pending_cash_withdrawal": "withdrawal-problem",
    "declined_cash_withdrawal": "withdrawal-problem",
    "wrong_amount_of_cash_received": "withdrawal-problem",  # like the two above: cash out gone wrong
    # transfers
    "transfer_not_received_by_recipient": "transfer-problem",
    "failed_transfer": "transfer-problem",
    "pending_transfer": "transfer-problem",
    "declined_transfer": "transfer-problem",
    "cancel_transfer": "transfer-problem",
    "transfer_timing": "transfer-problem",
    "beneficiary_not_allowed": "transfer-problem",
    "receiving_money": "receive-money",  # money from someone else not arriving
    # refunds
    "Refund_not_showing_up": "refund-missing",
    "request_refund": "refund-missing",
    # security
    "compromised_card": "unauthorized-activity",
    "card_payment_not_recognised": "unauthorized-activity",
    "cash_withdrawal_not_recognised": "unauthorized-activity",
    "direct_debit_payment_not_recognised": "unauthorized-activity",
    "lost_or_stolen_card": "unauthorized-activity",  # lock the card, check for payments: its first steps
    "lost_or_stolen_phone": "lost-device",
    "passcode_forgotten": "account-locked",
    "pin_blocked": "payment-password",  # a PIN locked by wrong tries, not the login
    # identity
    "why_verify_identity": "verify-identity",
    "unable_to_verify_identity": "verify-identity",
    "verify_my_identity": "verify-identity",
    "verify_source_of_funds": "verify-identity",
    # cards in the wallet
    "card_linking": "card-link-failed",
    "supported_cards_and_currencies": "card-link-failed",  # "why won't my Amex add?"
    # abroad
    "exchange_rate": "international-payment",
    "card_payment_wrong_exchange_rate": "international-payment",
    "wrong_exchange_rate_for_cash_withdrawal": "international-payment",
    "fiat_currency_support": "international-payment",
    "country_support": "international-payment",
    "exchange_via_app": "international-payment",  # currency exchange: the guide on rates
    # fees
    "extra_charge_on_statement": "fee-question",
    "card_payment_fee_charged": "fee-question",
    "transfer_fee_charged": "fee-question",
    "exchange_charge": "fee-question",
    "top_up_by_card_charge": "fee-question",
    "cash_withdrawal_charge": "fee-question",
    "top_up_by_bank_transfer_charge": "fee-question",
    # the account
    "terminate_account": "close-account",
    "edit_personal_details": "update-info",
    "change_pin": "payment-password",  # the PIN that approves payments
    # no guide: physical cards, ATMs, eligibility
    "card_arrival": NONE,
    "card_delivery_estimate": NONE,
    "get_physical_card": NONE,
    "order_physical_card": NONE,
    "getting_spare_card": NONE,
    "getting_virtual_card": NONE,
    "get_disposable_virtual_card": NONE,
    "disposable_card_limits": NONE,
    "activate_my_card": NONE,
    "card_about_to_expire": NONE,
    "visa_or_mastercard": NONE,
    "card_acceptance": NONE,  # "where is my card accepted?": not a failure
    "card_swallowed": NONE,  # an ATM kept the card
    "atm_support": NONE,
    "age_limit": NONE,
    "verify_top_up": NONE,  # a "top-up verification code": keeps "verification code" for code-not-received
}

HELD_OUT_PERCENT = 20


def normalise(text):
    return " ".join(text.split())


def held_out(text):
    key = normalise(text).lower().encode("utf-8")
    return zlib.crc32(key) % 100 < HELD_OUT_PERCENT


HEADER = """\
# {what} of BANKING77 (PolyAI, Casanueva et al. 2020), CC BY 4.0:
# https://github.com/PolyAI-LDN/task-specific-datasets. Made by scripts/banking77-examples.py,
# which holds the intent-to-guide mapping. guide-id TAB phrase; `-`: no guide covers it.
"""


def write(path, what, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(what=what))
        for guide, text in sorted(set(rows)):
            f.write(f"{guide}\t{text}\n")
    print(f"{path}: {len(set(rows))} rows", file=sys.stderr)


def main():
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/banking77"
    categories = json.loads((data / "categories.json").read_text(encoding="utf-8"))
    unknown = set(categories) ^ set(MAPPING)
    if unknown:
        sys.exit(f"error: MAPPING and categories.json differ on: {sorted(unknown)}")
    train, test = [], []
    with (data / "train.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = normalise(row["text"])
            if not text:
                continue
            guide = MAPPING[row["category"]]
            if held_out(text):
                test.append((guide or "-", text))
            else:
                train.append((guide or "-", text))
    write(root / "data/search/examples-en.tsv", "Example phrases: the training split", train)
    write(root / "tests/fixtures/search/heldout-en.tsv", "Held-out phrases: the evaluation split", test)


if __name__ == "__main__":
    main()

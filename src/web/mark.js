/* SPDX-License-Identifier: MIT */
/* The moment the page began to be read, for tests/bench. */
performance.mark("handover-parse");

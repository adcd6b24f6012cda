/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The input of gsp_seq_fuzz (the GSP sequencer's target): control bytes,
 * then the script's little-endian 32-bit words.
 *
 *   [0]     which callback fails with -ENXIO, counting from 1 (rd32, wr32,
 *           poll and core; a delay cannot fail); 0: none
 *   [1]     how cmdIndex is chosen, modulo 4: 0 and 1, the words' count;
 *           2, bytes 4-7 modulo one more than the count; 3, bytes 4-7 as
 *           they are
 *   [2..3]  unused
 *   [4..7]  a cmdIndex, little-endian
 *   [8..]   the words (a trailing partial word is ignored)
 */
#ifndef GSP_SEQ_FUZZ_H
#define GSP_SEQ_FUZZ_H

#define SEQ_FUZZ_FAIL_AT	0
#define SEQ_FUZZ_END_MODE	1
#define SEQ_FUZZ_END		4
#define SEQ_FUZZ_HDR		8

#endif

// SPDX-License-Identifier: Apache-2.0
'use strict'
// Peer comparison (benchmark 5): bigbluebutton-js signs the same join URL as the Java benchmark
// (same parameters, same secret, SHA-1: the package supports nothing else) N times on one core.
// Installed by ../run.sh into ./node_modules (ignored by git):
//   npm install --prefix bbb-benchmarks/peer --no-save --no-package-lock bigbluebutton-js@0.2.0
// Usage: node join-urls.js [iterations] [rounds]
const bbb = require('bigbluebutton-js')
const crypto = require('crypto')

const BASE_URL = 'https://bbb.schulportal.hessen.de/bigbluebutton/'
const SECRET = '8cd8ef52e8e101574e400365b55e11a6b7e0f3a2'
const n = Number(process.argv[2] || 200000)
const rounds = Number(process.argv[3] || 5)

const api = bbb.api(BASE_URL, SECRET)
const host = bbb.util.normalizeUrl(BASE_URL)

function params() {
  // The same parameters, in the same order, as Workload.java.
  return {
    fullName: 'Jörg Müller-Größlein',
    meetingID: 'hs-4711-7b-mathe-2026-11-26-0800',
    role: 'VIEWER',
    userID: 'p-5f0c1e7a9b2d4c3e8a61',
    createTime: 1764140400123,
    'userdata-bbb_auto_join_audio': 'true',
    'userdata-bbb_listen_only_mode': 'false',
  }
}

// Exactly our request: the package's own URL builder (what administration.join calls inside).
function exact() {
  return bbb.util.constructUrl(host, SECRET, 'join', params())
}

// The package's public join(): it always adds a password parameter (empty here).
function publicJoin() {
  const p = params()
  const fullName = p.fullName
  const meetingID = p.meetingID
  delete p.fullName
  delete p.meetingID
  return api.administration.join(fullName, meetingID, undefined, p)
}

// The URL must verify like bbb-web verifies it: SHA-1 of call + query without checksum + secret.
function verify(url) {
  const query = url.substring(url.indexOf('?') + 1)
  const i = query.lastIndexOf('&checksum=')
  const expected = crypto.createHash('sha1').update('join' + query.substring(0, i) + SECRET).digest('hex')
  if (query.substring(i + 10) !== expected) throw new Error('checksum mismatch for ' + url)
}
verify(exact())
verify(publicJoin())

function measure(fn) {
  let sink = 0
  for (let i = 0; i < 20000; i++) sink += fn().length // warm-up
  const results = []
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < n; i++) sink += fn().length
    const ns = Number(process.hrtime.bigint() - t0)
    results.push(n / (ns / 1e9))
  }
  results.sort((a, b) => a - b)
  return { median: results[Math.floor(rounds / 2)], sink }
}

const a = measure(exact)
const b = measure(publicJoin)
console.log(`node ${process.version}, bigbluebutton-js ${require('bigbluebutton-js/package.json').version}, ${n} URLs x ${rounds} rounds, median`)
console.log(`peer.exactParams.urlsPerSecond=${a.median.toFixed(0)}`)
console.log(`peer.publicJoin.urlsPerSecond=${b.median.toFixed(0)}`)
console.log(`peer.sampleUrlLength=${exact().length}`)

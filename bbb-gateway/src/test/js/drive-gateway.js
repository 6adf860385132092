// SPDX-License-Identifier: Apache-2.0
'use strict'
// A client nobody here wrote drives the gateway: bigbluebutton-js (npm, SHA-1 checksums, Node's
// querystring encoding) creates a meeting, reads it, joins with redirect=false, lists, ends.
// Usage: NODE_PATH=<dir>/node_modules node drive-gateway.js <gateway /bigbluebutton/ URL> <secret> <meetingID>
// Prints one line per step; exits 1 on the first unexpected answer.
const bbb = require('bigbluebutton-js')

const [url, secret, meetingID] = process.argv.slice(2)
const api = bbb.api(url, secret)

function expect(step, ok, response) {
  console.log(`${step} ${ok ? 'ok' : 'FAILED'} returncode=${response.returncode} messageKey=${response.messageKey || ''}`)
  if (!ok) {
    console.log(JSON.stringify(response))
    process.exit(1)
  }
  return response
}

async function main() {
  let r = await bbb.http(api.administration.create('Kurs von Frau Schmidt', meetingID, { record: false, muteOnStart: true }))
  expect('create', r.returncode === 'SUCCESS' && String(r.meetingID) === meetingID, r)
  const createTime = r.createTime

  r = await bbb.http(api.monitoring.getMeetingInfo(meetingID))
  expect('getMeetingInfo', r.returncode === 'SUCCESS' && r.createTime === createTime, r)

  r = await bbb.http(api.administration.join('Jonas Weber', meetingID, '', {
    role: 'VIEWER', userID: '99', createTime: createTime, redirect: 'false' }))
  expect('join', r.returncode === 'SUCCESS' && r.messageKey === 'successfullyJoined', r)

  r = await bbb.http(api.monitoring.isMeetingRunning(meetingID))
  expect('isMeetingRunning', r.returncode === 'SUCCESS' && r.running === true, r)

  r = await bbb.http(api.monitoring.getMeetings())
  expect('getMeetings', r.returncode === 'SUCCESS' && r.meetings.some((m) => String(m.meetingID) === meetingID), r)

  r = await bbb.http(api.administration.end(meetingID, ''))
  expect('end', r.returncode === 'SUCCESS' && r.messageKey === 'sentEndMeetingRequest', r)

  const bad = bbb.api(url, secret + 'x')
  r = await bbb.http(bad.monitoring.getMeetings())
  expect('wrongSecret', r.returncode === 'FAILED' && r.messageKey === 'checksumError', r)
  console.log('all ok')
}

main().catch((e) => {
  console.log(`error ${e.message}`)
  process.exit(1)
})

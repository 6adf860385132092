// SPDX-License-Identifier: Apache-2.0
'use strict'
// Drives the standalone simulator with bigbluebutton-js 0.2.0, an independent client, the way an
// integrator in another language would. Run by BigBlueButtonJsTest:
//   node drive-bigbluebutton-js.js <node_modules dir> <base URL> <secret> <sha1|sha256|sha384|sha512> <bbb-web|scalelite>
// bigbluebutton-js signs with SHA-1 only (hash.js's sha1, looked up at call time); for the other
// algorithms this driver points that lookup at hash.js's sha256/sha384/sha512. Everything else —
// parameter encoding, URL building, HTTP, XML parsing — is the package's own.
// Prints one line per step; exits 1 at the first step that differs from what the server must answer.
const path = require('path')
const [modules, baseUrl, secret, algorithm, mode] = process.argv.slice(2)
const hash = require(path.join(modules, 'hash.js'))
hash.sha1 = hash[algorithm]
const bbb = require(path.join(modules, 'bigbluebutton-js'))
const axios = require(path.join(modules, 'axios'))

const api = bbb.api(baseUrl, secret)
const http = bbb.http
const scalelite = mode === 'scalelite'
const id = `node-${algorithm}-${Date.now()}`

function check(step, condition, detail) {
  if (!condition) {
    console.log(`FAIL ${step}: ${JSON.stringify(detail)}`)
    process.exit(1)
  }
  console.log(`ok ${step}`)
}

async function main() {
  if (scalelite && algorithm === 'sha384') {
    const refused = await http(api.monitoring.getMeetings())
    check('Scalelite refuses SHA-384', refused.returncode === 'FAILED' && refused.messageKey === 'checksumError', refused)
    console.log('all steps passed')
    return
  }
  let r = await http(api.administration.create('Klasse 7b – Mathe', id, { record: true, 'meta_bbb-origin': 'node' }))
  check('create', r.returncode === 'SUCCESS' && r.meetingID === id, r)

  r = await http(api.administration.create('Klasse 7b – Mathe', id, { record: true }))
  // Behind Scalelite too: it makes up a moderatorPW only for a meeting it does not know, so the
  // repeat reaches bbb-web without passwords (bigbluebutton_api_controller.rb#create).
  check('create again: duplicateWarning', r.returncode === 'SUCCESS' && r.messageKey === 'duplicateWarning', r)

  // join() always sends password (empty here); a valid role wins, as in bbb-web.
  r = await http(api.administration.join('Jörg Müller', id, undefined, { role: 'MODERATOR', userID: 'u-1', redirect: 'false' }))
  check('join redirect=false' + (scalelite ? ' (following Scalelite\'s redirect)' : ''),
    r.returncode === 'SUCCESS' && r.messageKey === 'successfullyJoined' && typeof r.session_token === 'string', r)

  const redirect = await axios(api.administration.join('Kim', id, undefined, { role: 'VIEWER' }),
    { maxRedirects: 0, validateStatus: () => true })
  check('join redirect: 302 Found', redirect.status === 302 && redirect.statusText === 'Found' &&
    /\/(html5client|bigbluebutton\/api)\/join/.test(redirect.headers.location), [redirect.status, redirect.statusText, redirect.headers.location])

  r = await http(api.monitoring.getMeetingInfo(id))
  const attendee = Array.isArray(r.attendees.attendee) ? r.attendees.attendee[0] : r.attendees.attendee
  check('getMeetingInfo: the moderator presents', r.returncode === 'SUCCESS' && attendee.fullName === 'Jörg Müller' &&
    attendee.isPresenter === true, r)

  r = await http(api.monitoring.isMeetingRunning(id))
  check('isMeetingRunning', r.returncode === 'SUCCESS' && r.running === true, r)

  r = await http(api.monitoring.getMeetings())
  check('getMeetings', r.returncode === 'SUCCESS' && r.meetings.some((m) => m.meetingID === id), r)

  r = await http(api.recording.getRecordings({ meetingID: id }))
  check('getRecordings', r.returncode === 'SUCCESS', r)

  r = await http(api.hooks.list())
  check(scalelite ? 'hooks/list: unsupportedRequest' : 'hooks/list',
    scalelite ? r.messageKey === 'unsupportedRequest' : r.returncode === 'SUCCESS', r)

  r = await http(api.administration.end(id))
  check('end', r.returncode === 'SUCCESS' && r.messageKey === 'sentEndMeetingRequest', r)

  r = await http(api.monitoring.getMeetingInfo(id))
  check('getMeetingInfo after end: notFound', r.returncode === 'FAILED' && r.messageKey === 'notFound', r)

  r = await http(bbb.api(baseUrl, secret + 'x').monitoring.getMeetings())
  check('wrong secret: checksumError', r.returncode === 'FAILED' && r.messageKey === 'checksumError', r)
  console.log('all steps passed')
}

main().catch((e) => {
  console.log(`FAIL exception: ${e && e.stack}`)
  process.exit(1)
})

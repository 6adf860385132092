<?php
// SPDX-License-Identifier: Apache-2.0
//
// Test data for the real-Moodle end-to-end suite, made with Moodle's own API as a school's
// administrator would make it by hand. Copied into the unpacked Moodle at test time and run with
// PHP's CLI; prints one JSON line of the IDs. The JSON keys are those of School.java.
//
// php e2e_setup.php school '<json>'     a teacher and a pupil (with a profile picture) enrolled in a course
// php e2e_setup.php activity '<json>'   a BigBlueButton activity in that course, a slide uploaded

define('CLI_SCRIPT', true);
require(__DIR__ . '/config.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->libdir . '/gdlib.php');
require_once($CFG->libdir . '/enrollib.php');

/** A manual account with a hashed password. */
function e2e_user(array $p): stdClass {
    global $CFG;
    $id = user_create_user((object) [
        'username' => $p['username'],
        'password' => $p['password'],
        'firstname' => $p['firstname'],
        'lastname' => $p['lastname'],
        'email' => $p['email'],
        'auth' => 'manual',
        'confirmed' => 1,
        'mnethostid' => $CFG->mnet_localhost_id,
    ], true, false);
    return core_user::get_user($id, '*', MUST_EXIST);
}

/** The people and the course. */
function e2e_school(array $in): array {
    global $DB;
    $teacher = e2e_user($in['teacher']);
    $pupil = e2e_user($in['pupil']);

    // A profile picture for the pupil, drawn here, so the avatar URL Moodle sends carries a file token.
    $png = make_request_directory() . '/avatar.png';
    $img = imagecreatetruecolor(100, 100);
    imagefill($img, 0, 0, imagecolorallocate($img, 40, 120, 200));
    imagepng($img, $png);
    $iconid = process_new_icon(context_user::instance($pupil->id), 'user', 'icon', 0, $png);
    $DB->set_field('user', 'picture', $iconid, ['id' => $pupil->id]);

    $course = create_course((object) [
        'fullname' => $in['course']['fullname'],
        'shortname' => $in['course']['shortname'],
        'category' => core_course_category::get_default()->id,
    ]);
    $manual = enrol_get_plugin('manual');
    $enrol = $DB->get_record('enrol', ['courseid' => $course->id, 'enrol' => 'manual'], '*', MUST_EXIST);
    $manual->enrol_user($enrol, $teacher->id, $DB->get_field('role', 'id', ['shortname' => 'editingteacher'], MUST_EXIST));
    $manual->enrol_user($enrol, $pupil->id, $DB->get_field('role', 'id', ['shortname' => 'student'], MUST_EXIST));
    return ['teacherId' => (int) $teacher->id, 'pupilId' => (int) $pupil->id, 'courseId' => (int) $course->id];
}

/** A room with recordings, the teachers as moderators, everyone else a viewer, the slide uploaded. */
function e2e_activity(array $in): array {
    global $DB, $USER;
    $course = get_course($in['courseId']);
    $teacherrole = $DB->get_field('role', 'id', ['shortname' => 'editingteacher'], MUST_EXIST);

    // The presentation goes through a draft area, as the activity form uploads it.
    $draft = file_get_unused_draft_itemid();
    get_file_storage()->create_file_from_string([
        'contextid' => context_user::instance($USER->id)->id,
        'component' => 'user',
        'filearea' => 'draft',
        'itemid' => $draft,
        'filepath' => '/',
        'filename' => $in['activity']['slide_filename'],
    ], base64_decode($in['activity']['slide_base64'], true));

    $moduleinfo = add_moduleinfo((object) [
        'modulename' => 'bigbluebuttonbn',
        'module' => $DB->get_field('modules', 'id', ['name' => 'bigbluebuttonbn'], MUST_EXIST),
        'course' => $course->id,
        'section' => 0,
        'visible' => 1,
        'name' => $in['activity']['name'],
        'intro' => $in['activity']['intro'],
        'introformat' => FORMAT_HTML,
        'type' => 0,
        'record' => 1,
        'wait' => 0,
        'recordings_preview' => 0,
        'presentation' => $draft,
        'participants' => json_encode([
            ['selectiontype' => 'all', 'selectionid' => 'all', 'role' => 'viewer'],
            ['selectiontype' => 'role', 'selectionid' => (string) $teacherrole, 'role' => 'moderator'],
        ]),
    ], $course);
    $bbb = $DB->get_record('bigbluebuttonbn', ['id' => $moduleinfo->instance], '*', MUST_EXIST);
    return [
        'cmid' => (int) $moduleinfo->coursemodule,
        'instanceId' => (int) $moduleinfo->instance,
        'meetingId' => $bbb->meetingid,
    ];
}

\core\session\manager::set_user(get_admin());
\core\plugininfo\mod::enable_plugin('bigbluebuttonbn', 1);
$in = json_decode($argv[2], true, 8, JSON_THROW_ON_ERROR);
$out = match ($argv[1]) {
    'school' => e2e_school($in),
    'activity' => e2e_activity($in),
};
echo json_encode($out), "\n";

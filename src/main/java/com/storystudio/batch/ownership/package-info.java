/**
 * Which process owns which run: a row per live StoryStudio process with a heartbeat, the input it
 * runs, and how a launch tells a live owner (refuse) from a dead one (recover and continue).
 */
package com.storystudio.batch.ownership;

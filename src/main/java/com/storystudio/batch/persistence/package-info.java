/** What every table of the application's own is written with: independent commits, UTC timestamps. */
package com.storystudio.batch.persistence;
